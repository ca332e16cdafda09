package cn.linkage.hub.grpc;

import static cn.linkage.hub.grpc.UnaryCalls.answer;

import static cn.linkage.hub.grpc.Violations.MAX_CODE;

import cn.linkage.api.TicketId;
import cn.linkage.hub.application.AuditReader;
import cn.linkage.command.eventstore.ChainVerifier;
import cn.linkage.hub.audit.DossierRenderer;
import cn.linkage.proto.v1.*;
import cn.linkage.query.audit.HistoryEntry;
import cn.linkage.query.audit.PartyActivityProjection;
import cn.linkage.query.audit.RecordedTicketEvent;
import cn.linkage.query.audit.TicketHistory;
import cn.linkage.query.ticket.TicketDetails;
import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * The audit API: validate, read, map. Who may call it is the {@code AccessPolicy}'s (AUDIT, SUPERVISION),
 * enforced before the call reaches here; the views themselves live in query-side.
 */
public class AuditGrpcService extends AuditServiceGrpc.AuditServiceImplBase {

    private final AuditReader reader;
    private final PartyActivityProjection activity;
    private final ChainVerifier verification;
    private final DossierRenderer dossiers;
    private final Clock clock;

    public AuditGrpcService(AuditReader reader, PartyActivityProjection activity, ChainVerifier verification,
                            DossierRenderer dossiers, Clock clock) {
        this.reader = reader;
        this.activity = activity;
        this.verification = verification;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    @Override
    public void getTicketHistory(GetTicketHistoryRequest request, StreamObserver<cn.linkage.proto.v1.TicketHistory> response) {
        answer(response, () -> {
            TicketId id = ticket(request.getName(), request.hasActor(), request.getActor(), new Violations());
            cn.linkage.proto.v1.TicketHistory.Builder history = cn.linkage.proto.v1.TicketHistory.newBuilder()
                    .setName(request.getName());
            TicketHistory.entries(reader.recorded(id)).forEach(e -> history.addEntries(AuditMessages.entry(e)));
            return history.build();
        });
    }

    @Override
    public void getTicketAsOf(GetTicketAsOfRequest request, StreamObserver<Ticket> response) {
        answer(response, () -> {
            Violations v = new Violations().check(request.hasAsOfTime(), "as_of_time", "is required")
                    .validTime("as_of_time", request.getAsOfTime());
            TicketId id = ticket(request.getName(), request.hasActor(), request.getActor(), v);
            TicketDetails details = TicketHistory.asOf(reader.recorded(id), TicketMessages.instant(request.getAsOfTime()))
                    .orElseThrow(() -> new AggregateNotFoundException(id.value(), "the ticket did not exist yet"));
            return TicketMessages.ticket(details.withCallerMasked());
        });
    }

    @Override
    public void listTouchedTickets(ListTouchedTicketsRequest request, StreamObserver<ListTouchedTicketsResponse> response) {
        answer(response, () -> {
            Violations v = new Violations().required("party", request.getParty(), MAX_CODE)
                    .check(request.hasStartTime(), "start_time", "is required")
                    .check(request.hasEndTime(), "end_time", "is required")
                    .validTime("start_time", request.getStartTime())
                    .validTime("end_time", request.getEndTime());
            requireActor(request.hasActor(), request.getActor(), v);
            LocalDate first = LocalDate.ofInstant(TicketMessages.instant(request.getStartTime()), PartyActivityProjection.ZONE);
            LocalDate last = LocalDate.ofInstant(TicketMessages.instant(request.getEndTime()), PartyActivityProjection.ZONE);
            new Violations().check(!last.isBefore(first) && !first.plusDays(366).isBefore(last), "end_time",
                    "must be on or after start_time and at most 366 days later").throwIfAny();
            ListTouchedTicketsResponse.Builder out = ListTouchedTicketsResponse.newBuilder();
            activity.touched(request.getParty(), first, last).forEach(t -> out.addTouched(TouchedTicket.newBuilder()
                    .setName(TicketMessages.NAME_PREFIX + t.ticketId()).setDay(t.day())));
            return out.build();
        });
    }

    @Override
    public void verifyTicket(VerifyTicketRequest request, StreamObserver<Verification> response) {
        answer(response, () -> {
            TicketId id = ticket(request.getName(), request.hasActor(), request.getActor(), new Violations());
            // A chain of no events is trivially intact; "intact" must not vouch for a ticket that never was.
            reader.recorded(id); // NOT_FOUND for an unknown ticket
            return AuditMessages.verification(verification.verifyAggregate(id.value()));
        });
    }

    @Override
    public void verifyStore(VerifyStoreRequest request, StreamObserver<Verification> response) {
        answer(response, () -> {
            requireActor(request.hasActor(), request.getActor(), new Violations());
            return AuditMessages.verification(verification.verifyStore());
        });
    }

    @Override
    public void exportDossier(ExportDossierRequest request, StreamObserver<Dossier> response) {
        answer(response, () -> {
            Violations v = new Violations().requiredEnum("format", request.getFormatValue());
            TicketId id = ticket(request.getName(), request.hasActor(), request.getActor(), v);
            List<RecordedTicketEvent> recorded = reader.recorded(id);
            List<HistoryEntry> history = TicketHistory.entries(recorded);
            TicketDetails ticket = TicketHistory.asOf(recorded, java.time.Instant.MAX).orElseThrow();
            boolean html = request.getFormat() == DossierFormat.DOSSIER_FORMAT_HTML;
            byte[] content = html ? dossiers.html(ticket, history, clock.instant())
                    : dossiers.json(ticket, history, clock.instant());
            return Dossier.newBuilder()
                    .setContentType(html ? "text/html; charset=utf-8" : "application/json")
                    .setContent(ByteString.copyFrom(content))
                    .setFileName("dossier-" + ticket.originTicketNumber() + (html ? ".html" : ".json"))
                    .build();
        });
    }

    private static TicketId ticket(String name, boolean hasActor, cn.linkage.proto.v1.Actor actor, Violations v) {
        TicketRequestMapper.name(v, name);
        requireActor(hasActor, actor, v);
        return TicketRequestMapper.ticketId(name);
    }

    /** Validates what was collected, the actor included (it must name the certificate's party). */
    private static void requireActor(boolean hasActor, cn.linkage.proto.v1.Actor actor, Violations v) {
        v.check(hasActor, "actor", "is required").required("actor.platform", actor.getPlatform(), MAX_CODE).throwIfAny();
    }
}
