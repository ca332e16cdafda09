package cn.linkage.connectors.sdk;

import cn.linkage.proto.v1.*;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The hub as a platform team sees it: blocking calls with deadlines, retried with the same request
 * id when that is safe, and {@link #subscribe} for the live stream with reconnect-and-resume.
 * Every call acts as the {@link cn.linkage.proto.v1.Actor} the client was made for.
 */
public final class LinkageClient implements AutoCloseable {

    private final ManagedChannel channel;
    private final Actor actor;
    private final Duration deadline;
    private final RetryPolicy retries;

    public LinkageClient(ManagedChannel channel, Actor actor, Duration deadline, RetryPolicy retries) {
        this.channel = channel;
        this.actor = actor;
        this.deadline = deadline;
        this.retries = retries;
    }

    /**
     * A client for a hub on {@code host:port} over mutual TLS, presenting {@code credentials}. The hub takes
     * the platform (and unit) from the certificate; {@code actor} must name the same, and its operator id is
     * recorded beside the certificate's subject.
     */
    public static LinkageClient overMutualTls(String host, int port, ClientCredentials credentials, Actor actor) {
        ManagedChannel channel = NettyChannelBuilder.forAddress(host, port).sslContext(credentials.sslContext()).build();
        return new LinkageClient(channel, actor, Duration.ofSeconds(10), RetryPolicy.standard());
    }

    public Actor actor() {
        return actor;
    }

    public Ticket receive(ReceiveTicketRequest.Builder request) {
        ReceiveTicketRequest r = request.setActor(actor).setRequestId(idOr(request.getRequestId())).build();
        return call(stub -> stub.receiveTicket(r));
    }

    public Ticket transfer(TransferTicketRequest.Builder request) {
        TransferTicketRequest r = request.setActor(actor).setRequestId(idOr(request.getRequestId())).build();
        return call(stub -> stub.transferTicket(r));
    }

    public Ticket accept(String name, String partyTicketNumber) {
        AcceptTicketRequest r = AcceptTicketRequest.newBuilder().setName(name).setActor(actor)
                .setRequestId(UUID.randomUUID().toString()).setPartyTicketNumber(partyTicketNumber).build();
        return call(stub -> stub.acceptTicket(r));
    }

    public Ticket returnTicket(String name, ReturnReason reason, String text) {
        ReturnTicketRequest r = ReturnTicketRequest.newBuilder().setName(name).setActor(actor)
                .setRequestId(UUID.randomUUID().toString()).setReason(reason).setReasonText(text).build();
        return call(stub -> stub.returnTicket(r));
    }

    public Ticket feedBack(String name, FeedbackKind kind, String text) {
        RecordFeedbackRequest r = RecordFeedbackRequest.newBuilder().setName(name).setActor(actor)
                .setRequestId(UUID.randomUUID().toString()).setKind(kind).setText(text).build();
        return call(stub -> stub.recordFeedback(r));
    }

    public Ticket close(String name, String result, boolean resolved) {
        CloseTicketRequest r = CloseTicketRequest.newBuilder().setName(name).setActor(actor)
                .setRequestId(UUID.randomUUID().toString()).setResult(result).setResolved(resolved).build();
        return call(stub -> stub.closeTicket(r));
    }

    public Ticket get(String name) {
        GetTicketRequest r = GetTicketRequest.newBuilder().setName(name).setActor(actor).build();
        return call(stub -> stub.getTicket(r));
    }

    /** Any other call: the request is built by the caller, which keeps its request id across retries. */
    public <T> T call(Function<TicketServiceGrpc.TicketServiceBlockingStub, T> call) {
        // After an outage the channel would wait out its own growing backoff; our retry policy decides instead.
        return Retrying.call(retries, () -> call.apply(
                TicketServiceGrpc.newBlockingStub(channel).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)),
                channel::resetConnectBackoff);
    }

    /**
     * Streams deliveries addressed to this client's party to {@code handler}, in order, from the last
     * acknowledged cursor; acknowledges each after the handler returns; reconnects and resumes on its own.
     */
    public Subscription subscribe(DeliveryHandler handler) {
        String subscriber = actor.getUnit().isBlank() ? actor.getPlatform() : actor.getUnit();
        Subscription subscription = new Subscription(channel, actor, subscriber, handler, retries);
        subscription.start();
        return subscription;
    }

    private static String idOr(String requestId) {
        return requestId.isEmpty() ? UUID.randomUUID().toString() : requestId;
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
