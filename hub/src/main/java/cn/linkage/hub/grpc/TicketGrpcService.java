package cn.linkage.hub.grpc;

import cn.linkage.api.TicketId;
import cn.linkage.hub.application.TicketGateway;
import cn.linkage.proto.v1.*;
import cn.linkage.query.ticket.TicketDetails;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateNotFoundException;

/** The ticket API: validate and map, call the gateway, map errors. Decisions live in the domain. */
public class TicketGrpcService extends TicketServiceGrpc.TicketServiceImplBase {

    private final TicketGateway gateway;
    private final TicketRequestMapper requests;

    public TicketGrpcService(TicketGateway gateway, java.time.Clock clock) {
        this.gateway = gateway;
        this.requests = new TicketRequestMapper(clock);
    }

    @Override
    public void receiveTicket(ReceiveTicketRequest request, StreamObserver<Ticket> response) {
        answer(response, () -> gateway.execute(requests.receive(request)));
    }

    @Override
    public void transferTicket(TransferTicketRequest request, StreamObserver<Ticket> response) {
        answer(response, () -> gateway.execute(requests.transfer(request)));
    }

    @Override
    public void acceptTicket(AcceptTicketRequest request, StreamObserver<Ticket> response) {
        answer(response, () -> gateway.execute(requests.accept(request)));
    }

    @Override
    public void returnTicket(ReturnTicketRequest request, StreamObserver<Ticket> response) {
        answer(response, () -> gateway.execute(requests.returnTicket(request)));
    }

    @Override
    public void dispatchTicket(DispatchTicketRequest request, StreamObserver<Ticket> response) {
        answer(response, () -> gateway.execute(requests.dispatch(request)));
    }

    @Override
    public void recordFeedback(RecordFeedbackRequest request, StreamObserver<Ticket> response) {
        answer(response, () -> gateway.execute(requests.feedback(request)));
    }

    @Override
    public void escalateTicket(EscalateTicketRequest request, StreamObserver<Ticket> response) {
        answer(response, () -> gateway.execute(requests.escalate(request)));
    }

    @Override
    public void superviseTicket(SuperviseTicketRequest request, StreamObserver<Ticket> response) {
        answer(response, () -> gateway.execute(requests.supervise(request)));
    }

    @Override
    public void requestConsultation(RequestConsultationRequest request, StreamObserver<Ticket> response) {
        answer(response, () -> gateway.execute(requests.requestConsultation(request)));
    }

    @Override
    public void settleConsultation(SettleConsultationRequest request, StreamObserver<Ticket> response) {
        answer(response, () -> gateway.execute(requests.settleConsultation(request)));
    }

    @Override
    public void markTicketSensitive(MarkTicketSensitiveRequest request, StreamObserver<Ticket> response) {
        answer(response, () -> gateway.execute(requests.markSensitive(request)));
    }

    @Override
    public void agreeReplyWording(AgreeReplyWordingRequest request, StreamObserver<Ticket> response) {
        answer(response, () -> gateway.execute(requests.agreeReplyWording(request)));
    }

    @Override
    public void giveGuidance(GiveGuidanceRequest request, StreamObserver<Ticket> response) {
        answer(response, () -> gateway.execute(requests.guidance(request)));
    }

    @Override
    public void closeTicket(CloseTicketRequest request, StreamObserver<Ticket> response) {
        answer(response, () -> gateway.execute(requests.close(request)));
    }

    @Override
    public void rateSatisfaction(RateSatisfactionRequest request, StreamObserver<Ticket> response) {
        answer(response, () -> gateway.execute(requests.rate(request)));
    }

    @Override
    public void reopenTicket(ReopenTicketRequest request, StreamObserver<Ticket> response) {
        answer(response, () -> gateway.execute(requests.reopen(request)));
    }

    @Override
    public void getTicket(GetTicketRequest request, StreamObserver<Ticket> response) {
        try {
            TicketId id = requests.get(request);
            TicketDetails details;
            if (request.getView() == TicketView.TICKET_VIEW_FULL) {
                // The domain decides who may see the caller, and records that it was seen.
                details = gateway.execute(requests.callerAccess(request));
            } else {
                details = gateway.find(id)
                        .orElseThrow(() -> new AggregateNotFoundException(id.value(), "no such ticket"))
                        .withCallerMasked();
            }
            response.onNext(TicketMessages.ticket(details));
            response.onCompleted();
        } catch (RuntimeException e) {
            response.onError(GrpcErrors.toStatus(e));
        }
    }

    /** Mutations answer the ticket after the step, with the caller masked. */
    private static void answer(StreamObserver<Ticket> response, Supplier<TicketDetails> call) {
        try {
            response.onNext(TicketMessages.ticket(call.get().withCallerMasked()));
            response.onCompleted();
        } catch (RuntimeException e) {
            response.onError(GrpcErrors.toStatus(e));
        }
    }
}
