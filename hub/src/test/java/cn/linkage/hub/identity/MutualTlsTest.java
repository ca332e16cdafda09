package cn.linkage.hub.identity;

import static cn.linkage.hub.support.GrpcAssertions.failure;
import static cn.linkage.hub.support.Requests.AT_110;
import static cn.linkage.hub.support.Requests.AT_12345;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.linkage.connectors.sdk.ClientCredentials;
import cn.linkage.hub.support.Requests;
import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.Actor;
import cn.linkage.proto.v1.AuditServiceGrpc;
import cn.linkage.proto.v1.GetTicketHistoryRequest;
import cn.linkage.proto.v1.HistoryEntry;
import cn.linkage.proto.v1.ListBoardTicketsRequest;
import cn.linkage.proto.v1.SupervisionServiceGrpc;
import cn.linkage.proto.v1.Ticket;
import cn.linkage.proto.v1.TicketServiceGrpc;
import com.google.rpc.Code;
import com.google.rpc.Status;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: the hub knows who calls from the client certificate alone, over real TLS. */
class MutualTlsTest {

    private static final Actor AT_AUDIT = Actor.newBuilder().setPlatform("AUDIT").setOperatorId("auditor-3").build();

    @TempDir
    static Path dataDir;
    @TempDir
    static Path elsewhere;
    static RunningHub hub;

    @BeforeAll
    static void start() {
        hub = RunningHub.embedded(dataDir);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void withoutAClientCertificateEveryServiceButHealthIsUnauthenticated() {
        Status refused = failure(() -> TicketServiceGrpc.newBlockingStub(hub.anonymous())
                .receiveTicket(Requests.receive("GD-ANON-1").build()));
        assertThat(refused.getCode()).isEqualTo(Code.UNAUTHENTICATED_VALUE);
        assertThat(failure(() -> SupervisionServiceGrpc.newBlockingStub(hub.anonymous()).listBoardTickets(
                ListBoardTicketsRequest.newBuilder().setActor(Requests.AT_SUPERVISION).build())).getCode())
                .isEqualTo(Code.UNAUTHENTICATED_VALUE);

        assertThat(HealthGrpc.newBlockingStub(hub.anonymous()).check(HealthCheckRequest.getDefaultInstance()).getStatus())
                .as("load balancers check health without a certificate").isEqualTo(ServingStatus.SERVING);
    }

    @Test
    void twelveThreeFourFivesCertificateActingAs110IsPermissionDenied() {
        String name = TicketServiceGrpc.newBlockingStub(hub.as("12345"))
                .receiveTicket(Requests.receive("GD-IMPERSONATE-1").build()).getName();
        TicketServiceGrpc.TicketServiceBlockingStub as12345 = TicketServiceGrpc.newBlockingStub(hub.as("12345"));

        Status refused = failure(() -> as12345.receiveTicket(Requests.receive("GD-IMPERSONATE-2").setActor(AT_110).build()));
        assertThat(refused.getCode()).isEqualTo(Code.PERMISSION_DENIED_VALUE);
        assertThat(refused.getMessage()).contains("110").contains("12345");
        assertThat(failure(() -> as12345.acceptTicket(Requests.accept(name, AT_110, "JQ-1"))).getCode())
                .isEqualTo(Code.PERMISSION_DENIED_VALUE);
        assertThat(failure(() -> as12345.transferTicket(Requests.transfer(name,
                AT_12345.toBuilder().setUnit("SUPERVISION").build(), "110"))).getCode())
                .as("a platform's certificate does not act as a unit").isEqualTo(Code.PERMISSION_DENIED_VALUE);
        assertThat(failure(() -> as12345.getTicket(Requests.get(name).toBuilder().setActor(AT_110).build())).getCode())
                .isEqualTo(Code.PERMISSION_DENIED_VALUE);
    }

    @Test
    void aCertificateNotSignedByTheHubsCaIsRefusedAtTheHandshake() {
        new DevelopmentPki(elsewhere, Clock.systemUTC()).ensure(List.of("110"), List.of());
        ClientCredentials rogue = new ClientCredentials(hub.pki().resolve("ca.pem"), elsewhere.resolve("110.pem"),
                elsewhere.resolve("110-key.pem"));
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", hub.port()).sslContext(rogue.sslContext()).build();
        try {
            StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                    () -> HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                            .check(HealthCheckRequest.getDefaultInstance()));
            assertThat(refused).as("even health: a certificate presented must verify").isNotNull();
            assertThat(refused.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.UNAVAILABLE);
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void theAuditTrailRecordsTheOperatorBesideTheCertificatesSubject() {
        Ticket ticket = TicketServiceGrpc.newBlockingStub(hub.as("12345")).receiveTicket(Requests.receive("GD-TRAIL-1").build());

        List<HistoryEntry> history = AuditServiceGrpc.newBlockingStub(hub.as("AUDIT")).getTicketHistory(
                GetTicketHistoryRequest.newBuilder().setName(ticket.getName()).setActor(AT_AUDIT).build()).getEntriesList();

        assertThat(history.get(0).getActor().getPlatform()).isEqualTo("12345");
        assertThat(history.get(0).getActor().getOperatorId()).isEqualTo(AT_12345.getOperatorId());
        assertThat(history.get(0).getCertificateSubject()).contains("CN=12345").contains("O=Linkage hub development");
    }

    @Test
    void aUnitNamedSupervisionPassesNoSupervisionCheck() {
        SupervisionServiceGrpc.SupervisionServiceBlockingStub asUnit = SupervisionServiceGrpc.newBlockingStub(
                hub.as(AT_12345.toBuilder().setUnit("SUPERVISION").build()));

        Status refused = failure(() -> asUnit.listBoardTickets(ListBoardTicketsRequest.newBuilder()
                .setActor(AT_12345.toBuilder().setUnit("SUPERVISION")).build()));

        assertThat(refused.getCode()).isEqualTo(Code.PERMISSION_DENIED_VALUE);
    }
}
