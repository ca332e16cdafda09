package cn.linkage.hub.identity;

import static cn.linkage.hub.support.GrpcAssertions.failure;
import static cn.linkage.hub.support.Requests.AT_110;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.support.Eventually;
import cn.linkage.hub.support.Requests;
import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.Delivery;
import cn.linkage.proto.v1.ExchangeServiceGrpc;
import cn.linkage.proto.v1.SubscribeRequest;
import cn.linkage.proto.v1.TicketServiceGrpc;
import com.google.rpc.Code;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Limits per party: open exchange streams and request size answer RESOURCE_EXHAUSTED, and others go on. */
class PerPartyLimitsTest {

    @TempDir
    Path dataDir;

    @Test
    void aPartyBeyondItsStreamQuotaIsRefusedUntilItClosesOne() throws Exception {
        try (RunningHub hub = RunningHub.embedded(dataDir, "--linkage.grpc.max-streams-per-party=2")) {
            // Three subscriptions race to the hub; whichever arrives last is the one refused.
            List<Context.CancellableContext> streams = new ArrayList<>();
            List<AtomicReference<Throwable>> ends = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ends.add(new AtomicReference<>());
                streams.add(subscribe(hub, ends.get(i)));
            }
            Eventually.await(() -> ends.stream().anyMatch(e -> e.get() != null));
            sleep(500); // and no second one is refused
            List<Throwable> refused = ends.stream().map(AtomicReference::get).filter(t -> t != null).toList();
            assertThat(refused).hasSize(1);
            assertThat(io.grpc.protobuf.StatusProto.fromThrowable(refused.get(0)).getCode())
                    .isEqualTo(Code.RESOURCE_EXHAUSTED_VALUE);

            int stillOpen = ends.get(0).get() == null ? 0 : 1;
            streams.get(stillOpen).cancel(null);
            List<Context.CancellableContext> open = new ArrayList<>(streams);
            Eventually.await(() -> {
                // The hub frees the quota once the cancelled stream's reader has stopped: try until let in.
                AtomicReference<Throwable> attempt = new AtomicReference<>();
                open.add(subscribe(hub, attempt));
                sleep(1_000);
                return attempt.get() == null;
            });
            open.forEach(c -> c.cancel(null));
        }
    }

    @Test
    void aRequestAboveTheSizeLimitIsResourceExhaustedAndNothingIsRecorded() {
        try (RunningHub hub = RunningHub.embedded(dataDir, "--linkage.grpc.max-message-bytes=65536")) {
            var as12345 = TicketServiceGrpc.newBlockingStub(hub.as("12345"));

            var refused = failure(() -> as12345.receiveTicket(Requests.receive("GD-HUGE-1")
                    .setDescription("字".repeat(40_000)).build()));

            assertThat(refused.getCode()).isEqualTo(Code.RESOURCE_EXHAUSTED_VALUE);
            assertThat(as12345.receiveTicket(Requests.receive("GD-HUGE-2").build()).getVersion()).isEqualTo(1);
            assertThat(failure(() -> as12345.getTicket(Requests.get(
                    "tickets/" + cn.linkage.api.TicketId.forOrigin(new cn.linkage.api.PartyCode("12345"), "GD-HUGE-1").value())))
                    .getCode()).isEqualTo(Code.NOT_FOUND_VALUE);
        }
    }

    private static Context.CancellableContext subscribe(RunningHub hub, AtomicReference<Throwable> ended) {
        Context.CancellableContext context = Context.current().withCancellation();
        context.run(() -> ExchangeServiceGrpc.newStub(hub.as("110")).subscribe(SubscribeRequest.newBuilder()
                .setSubscriber("110").setActor(AT_110).build(), new StreamObserver<>() {
                    @Override
                    public void onNext(Delivery delivery) {
                    }

                    @Override
                    public void onError(Throwable t) {
                        if (!context.isCancelled()) {
                            ended.set(t);
                        }
                    }

                    @Override
                    public void onCompleted() {
                    }
                }));
        return context;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
