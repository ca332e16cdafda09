package cn.linkage.connectors.sdk;

import cn.linkage.proto.v1.AcknowledgeRequest;
import cn.linkage.proto.v1.Actor;
import cn.linkage.proto.v1.Delivery;
import cn.linkage.proto.v1.ExchangeServiceGrpc;
import cn.linkage.proto.v1.SubscribeRequest;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running subscription: one thread that streams, hands each new delivery to the handler, remembers
 * and acknowledges its cursor, and on any break waits a little and resumes from the last cursor it
 * processed. Redeliveries (at-least-once) are dropped by event id.
 */
public final class Subscription implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Subscription.class);
    private static final int REMEMBERED_IDS = 10_000;

    private final ManagedChannel channel;
    private final Actor actor;
    private final String subscriber;
    private final DeliveryHandler handler;
    private final RetryPolicy retries;
    private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile String cursor = "";
    private volatile boolean closed;
    private volatile Context.CancellableContext current;
    private Thread thread;

    Subscription(ManagedChannel channel, Actor actor, String subscriber, DeliveryHandler handler, RetryPolicy retries) {
        this.channel = channel;
        this.actor = actor;
        this.subscriber = subscriber;
        this.handler = handler;
        this.retries = retries;
    }

    void start() {
        thread = new Thread(this::loop, "linkage-subscription-" + subscriber);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        int failures = 0;
        while (!closed) {
            try {
                streamOnce();
                failures = 0;
            } catch (StatusRuntimeException e) {
                if (closed) {
                    return;
                }
                failures++;
                reconnects.incrementAndGet();
                log.info("Stream of {} broke ({}); resuming in a moment", subscriber, e.getStatus().getCode());
            } catch (Exception e) {
                failures++;
                log.warn("Handler of {} failed; retrying the same delivery", subscriber, e);
            }
            if (!closed) {
                pause(retries.backoff(Math.max(failures, 1)).toMillis());
                channel.resetConnectBackoff(); // reconnect now, not after the channel's own longer backoff
            }
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            closed = true; // interrupted only by close()
        }
    }

    private void streamOnce() throws Exception {
        Context.CancellableContext context = Context.current().withCancellation();
        current = context;
        try {
            context.call(() -> {
                Iterator<Delivery> deliveries = ExchangeServiceGrpc.newBlockingStub(channel).subscribe(
                        SubscribeRequest.newBuilder().setSubscriber(subscriber).setActor(actor).setCursor(cursor).build());
                while (!closed && deliveries.hasNext()) {
                    process(deliveries.next());
                }
                return null;
            });
        } finally {
            context.cancel(null);
        }
    }

    private void process(Delivery delivery) throws Exception {
        if (seen.putIfAbsent(delivery.getEventId(), Boolean.TRUE) == null) {
            try {
                handler.handle(delivery);
            } catch (Exception e) {
                seen.remove(delivery.getEventId());
                throw e;
            }
            handled.incrementAndGet();
        }
        cursor = delivery.getCursor();
        ExchangeServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .acknowledge(AcknowledgeRequest.newBuilder().setSubscriber(subscriber).setActor(actor)
                        .setCursor(cursor).build());
    }

    /** Deliveries handed to the handler so far (redeliveries not counted). */
    public long handled() {
        return handled.get();
    }

    /** How many times the stream broke and was resumed. */
    public long reconnects() {
        return reconnects.get();
    }

    /** The cursor of the last delivery processed, to resume from elsewhere if needed. */
    public String cursor() {
        return cursor;
    }

    @Override
    public void close() {
        closed = true;
        Context.CancellableContext context = current;
        if (context != null) {
            context.cancel(null);
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
