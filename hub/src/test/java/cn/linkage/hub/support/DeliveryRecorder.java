package cn.linkage.hub.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.proto.v1.Delivery;
import cn.linkage.proto.v1.SubscribeRequest;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A raw {@code ExchangeService/Subscribe} stream for tests (no SDK, so no de-duplication or reconnection hides
 * what the hub sent). It records every delivery; an error the test did not cause (anything but the
 * cancellation of {@link #cancel()}) or an early end of the stream fails the next wait or {@link #assertOpen()}.
 */
public final class DeliveryRecorder implements ClientResponseObserver<SubscribeRequest, Delivery> {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> error = new AtomicReference<>();
    private final int initialRequest;
    private volatile ClientCallStreamObserver<SubscribeRequest> call;
    private volatile boolean completed;
    private volatile boolean cancelled;

    /** A recorder that reads as fast as the hub sends. */
    public DeliveryRecorder() {
        this(Integer.MAX_VALUE);
    }

    /** A recorder that asks the hub for only {@code initialRequest} deliveries until {@link #request(int)}. */
    public DeliveryRecorder(int initialRequest) {
        this.initialRequest = initialRequest;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<SubscribeRequest> requestStream) {
        call = requestStream;
        requestStream.disableAutoRequestWithInitial(initialRequest);
    }

    @Override
    public void onNext(Delivery delivery) {
        deliveries.add(delivery);
    }

    @Override
    public void onError(Throwable t) {
        if (!(cancelled && Status.fromThrowable(t).getCode() == Status.Code.CANCELLED)) {
            error.compareAndSet(null, t);
        }
    }

    @Override
    public void onCompleted() {
        completed = true;
    }

    public void request(int count) {
        call.request(count);
    }

    /** Ends the stream from the client side; the CANCELLED that follows is expected. */
    public void cancel() {
        cancelled = true;
        call.cancel("the test is done with this stream", null);
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public List<String> eventIds() {
        return deliveries.stream().map(Delivery::getEventId).toList();
    }

    /** Fails if the stream broke or ended while the test still expected it open. */
    public void assertOpen() {
        Throwable failure = error.get();
        if (failure != null) {
            throw new AssertionError("the stream failed: " + Status.fromThrowable(failure), failure);
        }
        assertThat(completed).as("the hub ended a live stream").isFalse();
    }

    /** Waits until at least {@code count} deliveries arrived; fails at once if the stream breaks. */
    public List<Delivery> awaitCount(int count) {
        return awaitUntil(d -> d.size() >= count, "at least " + count + " deliveries");
    }

    /** Waits until a delivery matches; fails at once if the stream breaks. */
    public Delivery awaitMatching(Predicate<Delivery> match, String what) {
        awaitUntil(d -> d.stream().anyMatch(match), what);
        return deliveries.stream().filter(match).findFirst().orElseThrow();
    }

    /** Waits for the stream to fail, for a test that expects the hub to refuse it; the status it failed with. */
    public Status awaitFailure() {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (error.get() == null) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the stream did not fail; got " + deliveries.size() + " deliveries");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        return Status.fromThrowable(error.get());
    }

    private List<Delivery> awaitUntil(Predicate<List<Delivery>> done, String what) {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (!done.test(deliveries)) {
            assertOpen();
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting for " + what + "; got "
                        + deliveries.stream().map(d -> d.getEventType() + " " + d.getName()).toList());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        assertOpen();
        return deliveries();
    }
}
