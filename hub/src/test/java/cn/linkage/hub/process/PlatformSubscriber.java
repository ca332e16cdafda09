package cn.linkage.hub.process;

import cn.linkage.proto.v1.AcknowledgeRequest;
import cn.linkage.proto.v1.Actor;
import cn.linkage.proto.v1.Delivery;
import cn.linkage.proto.v1.ExchangeServiceGrpc;
import cn.linkage.proto.v1.SubscribeRequest;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A platform's live feed as its own system keeps it: it reads {@code Subscribe}, acknowledges its
 * cursor every few deliveries, and after a broken stream subscribes again with an empty cursor, i.e.
 * resumes after the last cursor the hub stored for it. Deliveries are collected by event id.
 */
final class PlatformSubscriber implements Runnable {

    private static final int ACKNOWLEDGE_EVERY = 7;

    private final Actor actor;
    private final Channel channel;
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger deliveries = new AtomicInteger();
    private final AtomicInteger resubscriptions = new AtomicInteger();
    private volatile boolean stopping;

    PlatformSubscriber(Actor actor, Channel channel) {
        this.actor = actor;
        this.channel = channel;
    }

    Set<String> eventIds() {
        return eventIds;
    }

    int deliveries() {
        return deliveries.get();
    }

    int resubscriptions() {
        return resubscriptions.get();
    }

    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        while (!stopping) {
            try {
                Iterator<Delivery> stream = ExchangeServiceGrpc.newBlockingStub(channel).withWaitForReady()
                        .subscribe(SubscribeRequest.newBuilder().setSubscriber(actor.getPlatform()).setActor(actor).build());
                int sinceAcknowledged = 0;
                while (!stopping && stream.hasNext()) {
                    Delivery delivery = stream.next();
                    eventIds.add(delivery.getEventId());
                    deliveries.incrementAndGet();
                    if (++sinceAcknowledged == ACKNOWLEDGE_EVERY) {
                        acknowledge(delivery.getCursor());
                        sinceAcknowledged = 0;
                    }
                }
            } catch (StatusRuntimeException brokenByTheCrash) {
                resubscriptions.incrementAndGet();
                HubProcess.sleep(100);
            }
        }
    }

    private void acknowledge(String cursor) {
        ExchangeServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .acknowledge(AcknowledgeRequest.newBuilder().setSubscriber(actor.getPlatform()).setActor(actor)
                        .setCursor(cursor).build());
    }
}
