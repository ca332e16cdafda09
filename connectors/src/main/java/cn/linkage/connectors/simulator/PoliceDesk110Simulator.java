package cn.linkage.connectors.simulator;

import cn.linkage.connectors.sdk.LinkageClient;
import cn.linkage.connectors.sdk.Subscription;
import cn.linkage.proto.v1.Delivery;
import cn.linkage.proto.v1.FeedbackKind;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A 110 desk: listens on its stream, signs for (签收) every transfer addressed to it, and — as the
 * holder — reports the result and closes. Jointly handled tickets it does not hold get its RESULT
 * feedback only, so the holder (122) can close (R7).
 */
public final class PoliceDesk110Simulator implements AutoCloseable {

    private final LinkageClient client;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final boolean resolve;
    private Subscription subscription;

    public PoliceDesk110Simulator(LinkageClient client, boolean resolve) {
        this.client = client;
        this.resolve = resolve;
    }

    public PoliceDesk110Simulator start() {
        subscription = client.subscribe(this::onDelivery);
        return this;
    }

    private void onDelivery(Delivery delivery) {
        if (!"TicketTransferred".equals(delivery.getEventType())) {
            return;
        }
        // A redelivery after a restart finds the ticket already signed for: that is success, not failure.
        unlessAlreadyDone(() -> client.accept(delivery.getName(), "JQ-" + delivery.getEventId().substring(0, 8)));
        accepted.add(delivery.getName());
        if (resolve) {
            unlessAlreadyDone(() -> client.feedBack(delivery.getName(), FeedbackKind.FEEDBACK_KIND_RESULT, "民警已到场处置完毕"));
            if ("110".equals(client.get(delivery.getName()).getHolder())) {
                // A joint partner that has not reported yet keeps the ticket open (R7); it closes later.
                unlessAlreadyDone(() -> client.close(delivery.getName(), "已处置完毕", true));
            }
        }
    }

    private static void unlessAlreadyDone(Runnable step) {
        try {
            step.run();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.FAILED_PRECONDITION) {
                throw e;
            }
        }
    }

    /** Tickets this desk has signed for. */
    public Set<String> accepted() {
        return accepted;
    }

    public Subscription subscription() {
        return subscription;
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
    }
}
