package cn.linkage.hub.exchange;

import cn.linkage.api.PartyCode;
import cn.linkage.api.event.TicketEvent;
import cn.linkage.proto.v1.Delivery;
import cn.linkage.query.audit.TicketHistory;
import cn.linkage.query.exchange.Addressing;
import cn.linkage.query.ticket.TicketDetails;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber's stream: reads the hub's event stream from the subscriber's cursor on its own
 * thread, keeps what is addressed to the subscriber, and sends it only when the client can take it —
 * so a slow subscriber waits alone and holds up neither the hub nor other subscribers.
 */
final class SubscriptionPump implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionPump.class);

    private final PartyCode subscriber;
    private final TrackingToken from;
    private final EventStore events;
    private final ServerCallStreamObserver<Delivery> out;
    private final Function<TicketEvent, cn.linkage.proto.v1.Actor> actors;
    private final Object readiness = new Object();
    private volatile boolean cancelled;
    private volatile boolean shuttingDown;

    SubscriptionPump(PartyCode subscriber, TrackingToken from, EventStore events, ServerCallStreamObserver<Delivery> out,
                     Function<TicketEvent, cn.linkage.proto.v1.Actor> actors) {
        this.subscriber = subscriber;
        this.from = from;
        this.events = events;
        this.out = out;
        this.actors = actors;
        out.setOnCancelHandler(() -> {
            cancelled = true;
            signalReady();
        });
        out.setOnReadyHandler(this::signalReady);
    }

    @Override
    public void run() {
        TicketStates states = new TicketStates(events);
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(from)) {
            while (running()) {
                if (!stream.hasNextAvailable(250, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                TrackedEventMessage<?> message = stream.nextAvailable();
                if (message instanceof DomainEventMessage<?> step && message.getPayload() instanceof TicketEvent event) {
                    TicketDetails before = states.before(step);
                    if (before != null && Addressing.recipients(before, event).contains(subscriber)) {
                        send(step, event, message.trackingToken());
                    }
                }
            }
            if (shuttingDown && !cancelled) {
                out.onError(Status.UNAVAILABLE.withDescription("the hub is shutting down; resume with your cursor")
                        .asRuntimeException());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Stream of {} ended: {}", subscriber, e.toString());
            if (!cancelled) {
                out.onError(Status.UNAVAILABLE.withDescription("stream interrupted; resume with your cursor")
                        .asRuntimeException());
            }
        }
    }

    private void send(DomainEventMessage<?> step, TicketEvent event, TrackingToken token) throws InterruptedException {
        synchronized (readiness) {
            while (running() && !out.isReady()) {
                readiness.wait(100);
            }
        }
        if (!running()) {
            return;
        }
        out.onNext(Delivery.newBuilder()
                .setEventId(step.getIdentifier())
                .setCursor(Cursors.encode(token))
                .setName("tickets/" + event.ticketId().value())
                .setEventType(TicketHistory.typeOf(event))
                .setOccurTime(com.google.protobuf.Timestamp.newBuilder()
                        .setSeconds(event.occurredAt().getEpochSecond()).setNanos(event.occurredAt().getNano()))
                .setActor(actors.apply(event))
                .putAllDetails(TicketHistory.details(event))
                .setSequence(step.getSequenceNumber())
                .build());
    }

    private boolean running() {
        return !cancelled && !shuttingDown;
    }

    void signalReady() {
        synchronized (readiness) {
            readiness.notifyAll();
        }
    }

    /** Ends the stream with UNAVAILABLE so the client resumes elsewhere or after the restart. */
    void shutDown() {
        shuttingDown = true;
        signalReady();
    }
}
