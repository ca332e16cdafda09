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
            List<Context.CancellableContext> open = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                open.add(subscribe(hub, new AtomicReference<>()));
            }
            AtomicReference<Throwable> third = new AtomicReference<>();
            open.add(subscribe(hub, third));
            Eventually.await(() -> third.get() != null); // the third stream of 110 ends
            assertThat(io.grpc.protobuf.StatusProto.fromThrowable(third.get()).getCode())
                    .isEqualTo(Code.RESOURCE_EXHAUSTED_VALUE);

            open.get(0).cancel(null);
            AtomicReference<Throwable> afterClose = new AtomicReference<>();
            Eventually.await(() -> {
                afterClose.set(null);
                Context.CancellableContext retry = subscribe(hub, afterClose);
                sleep(300);
                open.add(retry);
                return afterClose.get() == null; // once one stream closed, 110 may open another
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
