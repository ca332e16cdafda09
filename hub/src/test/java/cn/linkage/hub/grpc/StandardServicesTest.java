package cn.linkage.hub.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.support.RunningHub;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stock gRPC tools work against the hub: the health service and both reflection versions. */
class StandardServicesTest {

    @TempDir
    static Path dataDir;
    private static RunningHub hub;

    @BeforeAll
    static void startHub() {
        hub = RunningHub.embedded(dataDir);
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void healthReportsTheHubAndTheTicketServiceServing() {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(hub.channel());
        assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
        assertThat(health.check(HealthCheckRequest.newBuilder().setService("linkage.v1.TicketService").build())
                .getStatus()).isEqualTo(ServingStatus.SERVING);
    }

    @Test
    void reflectionV1ListsTheTicketService() throws Exception {
        CompletableFuture<List<String>> services = new CompletableFuture<>();
        StreamObserver<io.grpc.reflection.v1.ServerReflectionRequest> requests =
                io.grpc.reflection.v1.ServerReflectionGrpc.newStub(hub.channel()).serverReflectionInfo(
                        new Collect<>(services, r -> r.getListServicesResponse().getServiceList().stream()
                                .map(io.grpc.reflection.v1.ServiceResponse::getName).toList()));
        requests.onNext(io.grpc.reflection.v1.ServerReflectionRequest.newBuilder().setListServices("").build());
        requests.onCompleted();
        assertThat(services.get(10, TimeUnit.SECONDS)).contains("linkage.v1.TicketService", "grpc.health.v1.Health");
    }

    @Test
    @SuppressWarnings("deprecation")
    void reflectionV1alphaServesOlderTools() throws Exception {
        CompletableFuture<List<String>> services = new CompletableFuture<>();
        StreamObserver<io.grpc.reflection.v1alpha.ServerReflectionRequest> requests =
                io.grpc.reflection.v1alpha.ServerReflectionGrpc.newStub(hub.channel()).serverReflectionInfo(
                        new Collect<>(services, r -> r.getListServicesResponse().getServiceList().stream()
                                .map(io.grpc.reflection.v1alpha.ServiceResponse::getName).toList()));
        requests.onNext(io.grpc.reflection.v1alpha.ServerReflectionRequest.newBuilder().setListServices("").build());
        requests.onCompleted();
        assertThat(services.get(10, TimeUnit.SECONDS)).contains("linkage.v1.TicketService");
    }

    /** Completes the future with what the first response maps to. */
    private record Collect<R>(CompletableFuture<List<String>> target, java.util.function.Function<R, List<String>> map)
            implements StreamObserver<R> {

        @Override
        public void onNext(R value) {
            target.complete(map.apply(value));
        }

        @Override
        public void onError(Throwable t) {
            target.completeExceptionally(t);
        }

        @Override
        public void onCompleted() {
            target.complete(List.of());
        }
    }
}
