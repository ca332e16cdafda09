package cn.linkage.bench.e2e;

import cn.linkage.proto.v1.Delivery;
import cn.linkage.proto.v1.ExchangeServiceGrpc;
import cn.linkage.proto.v1.SubscribeRequest;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * 110's live feed: how long after a transfer to 110 was answered the transfer reaches 110's stream.
 * Also keeps a 12345 feed open, so the hub serves one live subscriber per platform as in production.
 */
final class SubscriberLagProbe implements AutoCloseable {

    private final ConcurrentLinkedQueue<LifecycleLoad.Transferred> transferred;
    private final Latencies latencies;
    private final Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
    private final Context.CancellableContext context = Context.current().withCancellation();

    SubscriberLagProbe(Platforms platforms, ConcurrentLinkedQueue<LifecycleLoad.Transferred> transferred,
                       Latencies latencies) {
        this.transferred = transferred;
        this.latencies = latencies;
        context.run(() -> {
            subscribe(platforms.desk110(), LifecycleLoad.AT_110.getPlatform(), true);
            subscribe(platforms.desk12345(), LifecycleLoad.AT_12345.getPlatform(), false);
        });
    }

    private void subscribe(ManagedChannel channel, String platform, boolean measured) {
        var actor = platform.equals("110") ? LifecycleLoad.AT_110 : LifecycleLoad.AT_12345;
        ExchangeServiceGrpc.newStub(channel).subscribe(
                SubscribeRequest.newBuilder().setSubscriber(platform).setActor(actor).build(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(Delivery delivery) {
                        if (measured && "TicketTransferred".equals(delivery.getEventType())) {
                            deliveredAt.put(delivery.getName(), System.nanoTime());
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        if (!context.isCancelled()) {
                            System.err.println("subscriber " + platform + " broke: " + t);
                        }
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
    }

    /** Matches answered transfers with deliveries seen so far; unmatched ones wait for the next call. */
    void collect() {
        int size = transferred.size();
        for (int i = 0; i < size; i++) {
            LifecycleLoad.Transferred t = transferred.poll();
            if (t == null) {
                break;
            }
            Long at = deliveredAt.remove(t.ticketName());
            if (at != null) {
                // A delivery can overtake the answer of the transfer itself: count that as no lag.
                latencies.add("110 subscriber", Math.max(0, at - t.transferredAtNanos()));
            } else {
                transferred.add(t);
            }
        }
    }

    int backlog() {
        return transferred.size();
    }

    @Override
    public void close() {
        context.cancel(null);
    }
}
