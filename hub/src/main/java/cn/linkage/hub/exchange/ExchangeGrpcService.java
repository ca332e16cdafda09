package cn.linkage.hub.exchange;

import static cn.linkage.hub.grpc.Violations.MAX_CODE;

import cn.linkage.api.NotPermittedException;
import cn.linkage.api.PartyCode;
import cn.linkage.api.event.TicketEvent;
import cn.linkage.hub.grpc.GrpcErrors;
import cn.linkage.hub.identity.CallerIdentity;
import cn.linkage.hub.grpc.LongLivedCalls;
import cn.linkage.hub.grpc.Violations;
import cn.linkage.proto.v1.*;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The live exchange API. Each subscription gets its own pump thread; on shutdown every stream ends
 * with UNAVAILABLE, so clients resume promptly with their cursor.
 */
public class ExchangeGrpcService extends ExchangeServiceGrpc.ExchangeServiceImplBase implements LongLivedCalls {

    private final EventStore events;
    private final ExchangeCursorStore cursors;
    private final Set<SubscriptionPump> pumps = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "exchange-stream-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running = true;

    private final StreamQuota quota;

    public ExchangeGrpcService(EventStore events, ExchangeCursorStore cursors, int maxStreamsPerParty) {
        this.events = events;
        this.cursors = cursors;
        this.quota = new StreamQuota(maxStreamsPerParty);
    }

    @Override
    public void subscribe(SubscribeRequest request, StreamObserver<Delivery> response) {
        try {
            if (!running) {
                // Shutting down: send the client elsewhere (or to the restarted hub) straight away.
                response.onError(io.grpc.Status.UNAVAILABLE.withDescription("the hub is shutting down")
                        .asRuntimeException());
                return;
            }
            PartyCode subscriber = authorised(request.getSubscriber(), request.hasActor(), request.getActor(),
                    new Violations());
            TrackingToken from = startingPoint(request.getSubscriber(), request.getCursor());
            if (!request.getCursor().isEmpty()) {
                withinStore((GapAwareTrackingToken) from);
            }
            if (!quota.tryOpen(subscriber.value())) {
                throw GrpcErrors.exhausted("TOO_MANY_STREAMS", subscriber.value() + " already holds its quota of open "
                        + "streams; close one (or let the hub end a dead one) before subscribing again");
            }
            SubscriptionPump pump = new SubscriptionPump(subscriber, from, events,
                    (ServerCallStreamObserver<Delivery>) response, ExchangeGrpcService::actorOf);
            pumps.add(pump);
            executor.execute(() -> {
                try {
                    pump.run();
                } finally {
                    pumps.remove(pump);
                    quota.close(subscriber.value());
                }
            });
        } catch (io.grpc.StatusRuntimeException e) {
            response.onError(e);
        } catch (RuntimeException e) {
            response.onError(GrpcErrors.toStatus(e));
        }
    }

    @Override
    public void acknowledge(AcknowledgeRequest request, StreamObserver<AcknowledgeResponse> response) {
        try {
            Violations v = new Violations().required("cursor", request.getCursor(), 16_384);
            authorised(request.getSubscriber(), request.hasActor(), request.getActor(), v);
            GapAwareTrackingToken cursor = decode(request.getCursor());
            withinStore(cursor);
            notBehind(cursor, cursors.acknowledged(request.getSubscriber()).map(ExchangeGrpcService::decode));
            cursors.acknowledge(request.getSubscriber(), request.getCursor());
            response.onNext(AcknowledgeResponse.newBuilder().setCursor(request.getCursor()).build());
            response.onCompleted();
        } catch (RuntimeException e) {
            response.onError(GrpcErrors.toStatus(e));
        }
    }

    private TrackingToken startingPoint(String subscriber, String cursor) {
        if (!cursor.isEmpty()) {
            return decode(cursor);
        }
        return cursors.acknowledged(subscriber).map(ExchangeGrpcService::decode).orElse(null);
    }

    /** A cursor past the store's end would make the stream skip what is recorded up to there. */
    private void withinStore(GapAwareTrackingToken cursor) {
        TrackingToken head = events.createHeadToken();
        long end = head instanceof GapAwareTrackingToken gapAware ? gapAware.getIndex() : Long.MAX_VALUE;
        boolean gapsBelowIndex = cursor.getGaps().stream().allMatch(g -> g >= 0 && g < cursor.getIndex());
        new Violations().check(cursor.getIndex() >= -1 && cursor.getIndex() <= end && gapsBelowIndex, "cursor",
                "lies outside the store (position " + cursor.getIndex() + ", the store ends at " + end + ")").throwIfAny();
    }

    /**
     * The acknowledged cursor only moves forward: acknowledging an older one would replay deliveries the
     * platform has processed to every later subscription that resumes from it.
     */
    private static void notBehind(GapAwareTrackingToken cursor, java.util.Optional<GapAwareTrackingToken> acknowledged) {
        if (acknowledged.isPresent() && cursor.getIndex() < acknowledged.get().getIndex()) {
            throw new cn.linkage.api.TicketRuleViolation("CURSOR_BEHIND", "the cursor (position " + cursor.getIndex()
                    + ") is behind the one already acknowledged (position " + acknowledged.get().getIndex()
                    + "); a cursor only moves forward");
        }
    }

    private static GapAwareTrackingToken decode(String cursor) {
        try {
            return Cursors.decode(cursor);
        } catch (IllegalArgumentException e) {
            new Violations().add("cursor", e.getMessage()).throwIfAny();
            throw e;
        }
    }

    /** A platform (or unit) subscribes to and acknowledges its own stream only: the certificate's party. */
    private static PartyCode authorised(String subscriber, boolean hasActor, cn.linkage.proto.v1.Actor actor,
                                        Violations v) {
        v.required("subscriber", subscriber, MAX_CODE).check(hasActor, "actor", "is required")
                .required("actor.platform", actor.getPlatform(), MAX_CODE).throwIfAny();
        String party = CallerIdentity.current().party();
        if (!party.equals(subscriber)) {
            throw new NotPermittedException(party + " may not read or acknowledge the deliveries of " + subscriber);
        }
        return new PartyCode(subscriber);
    }

    private static cn.linkage.proto.v1.Actor actorOf(TicketEvent event) {
        cn.linkage.proto.v1.Actor.Builder actor = cn.linkage.proto.v1.Actor.newBuilder()
                .setPlatform(event.actor().platform().value());
        if (event.actor().unit() != null) {
            actor.setUnit(event.actor().unit().value());
        }
        if (event.actor().operatorId() != null) {
            actor.setOperatorId(event.actor().operatorId());
        }
        return actor.build();
    }

    @Override
    public void endLongLivedCalls() {
        running = false;
        pumps.forEach(SubscriptionPump::shutDown);
        executor.shutdown();
    }
}
