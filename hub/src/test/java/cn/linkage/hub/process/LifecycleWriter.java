package cn.linkage.hub.process;

import static cn.linkage.hub.support.Requests.AT_110;
import static cn.linkage.hub.support.Requests.AT_12345;

import cn.linkage.hub.support.Requests;
import cn.linkage.proto.v1.RateSatisfactionRequest;
import cn.linkage.proto.v1.Ticket;
import cn.linkage.proto.v1.TicketServiceGrpc;
import cn.linkage.proto.v1.TicketServiceGrpc.TicketServiceBlockingStub;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A 12345 desk and a 110 desk taking tickets through the whole hand-over (receive, transfer to 110,
 * 110 signs for it, reports its result and closes it, 12345 records the caller's rating), as a platform would: a call whose answer is
 * lost (the hub died) is retried with the same request id until it is answered. Every answered call
 * is recorded as acknowledged.
 */
final class LifecycleWriter implements Runnable {

    /** One answered call: the hub promised that {@code requestId} is applied to {@code ticket}. */
    record Acknowledged(String ticket, String requestId, String step) {
    }

    private final String name;
    private final Channel channel;
    private final Queue<Acknowledged> acknowledged;
    private final Queue<String> failures;
    private volatile boolean stopping;
    private int retries;

    LifecycleWriter(String name, Channel channel, Queue<Acknowledged> acknowledged, Queue<String> failures) {
        this.name = name;
        this.channel = channel;
        this.acknowledged = acknowledged;
        this.failures = failures;
    }

    /** Finishes the ticket in hand, then stops. */
    void stop() {
        stopping = true;
    }

    int retries() {
        return retries;
    }

    @Override
    public void run() {
        try {
            for (int n = 1; !stopping; n++) {
                runLifecycle(name + "-" + n);
            }
        } catch (RuntimeException e) {
            failures.add(name + ": " + e);
        }
    }

    private void runLifecycle(String originNumber) {
        String receiveId = Requests.newRequestId();
        Ticket ticket = call("receive", null, receiveId,
                t -> t.receiveTicket(Requests.receive(originNumber).setRequestId(receiveId).build()));
        String ticketName = ticket.getName();
        var transfer = Requests.transfer(ticketName, AT_12345, "110");
        call("transfer", ticketName, transfer.getRequestId(), t -> t.transferTicket(transfer));
        var accept = Requests.accept(ticketName, AT_110, "J" + originNumber);
        call("accept", ticketName, accept.getRequestId(), t -> t.acceptTicket(accept));
        var result = Requests.result(ticketName, AT_110, "民警已到场处置完毕");
        call("feedback", ticketName, result.getRequestId(), t -> t.recordFeedback(result));
        var close = Requests.close(ticketName, AT_110, "已处置");
        call("close", ticketName, close.getRequestId(), t -> t.closeTicket(close));
        var rate = RateSatisfactionRequest.newBuilder().setName(ticketName).setRequestId(Requests.newRequestId())
                .setActor(AT_12345).setScore(5).setComment("满意").build();
        call("rate", ticketName, rate.getRequestId(), t -> t.rateSatisfaction(rate));
    }

    private Ticket call(String step, String ticketName, String requestId, Function<TicketServiceBlockingStub, Ticket> rpc) {
        while (true) {
            try {
                Ticket answer = rpc.apply(TicketServiceGrpc.newBlockingStub(channel).withWaitForReady()
                        .withDeadlineAfter(60, TimeUnit.SECONDS));
                acknowledged.add(new Acknowledged(answer.getName(), requestId, step));
                return answer;
            } catch (StatusRuntimeException e) {
                if (!lostAnswer(e.getStatus().getCode())) {
                    throw new IllegalStateException(step + " of " + ticketName + " refused: " + e.getStatus(), e);
                }
                retries++;
                HubProcess.sleep(50);
            }
        }
    }

    /** The hub went away before answering: whether the call was applied is unknown, so it is retried. */
    private static boolean lostAnswer(Status.Code code) {
        return List.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.CANCELLED,
                Status.Code.UNKNOWN, Status.Code.INTERNAL).contains(code);
    }
}
