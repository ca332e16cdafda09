package cn.linkage.hub.routing;

import static cn.linkage.hub.support.GrpcAssertions.failure;
import static cn.linkage.hub.support.GrpcAssertions.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.*;
import com.google.rpc.Code;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Call-takers route matters through the hub and see which catalogue row decided. */
class RoutingServiceTest {

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

    private static RoutingServiceGrpc.RoutingServiceBlockingStub routing() {
        return RoutingServiceGrpc.newBlockingStub(hub.channel());
    }

    @Test
    void R3_trafficAccidentRoutesJointlyWithTheDecidingRow() {
        RouteMatterResponse decision = routing().routeMatter(RouteMatterRequest.newBuilder().setOriginPlatform("12345")
                .setFreeText("路口发生交通事故，两车相撞").setUrgency(Urgency.URGENCY_URGENT).build());

        assertThat(decision.getOutcome()).isEqualTo("TRANSFER");
        assertThat(decision.getTargetsList()).containsExactly("122", "110");
        assertThat(decision.getHandling()).isEqualTo("JOINT");
        assertThat(decision.getDecidedBy()).startsWith("L1-");
        assertThat(decision.getCatalogueVersion()).isEqualTo("pingliang-2023.1");
    }

    @Test
    void R1_outOfScopeMatterGetsGuidance() {
        RouteMatterResponse decision = routing().routeMatter(RouteMatterRequest.newBuilder().setOriginPlatform("12345")
                .setFreeText("我要申请行政复议").setUrgency(Urgency.URGENCY_NORMAL).build());
        assertThat(decision.getOutcome()).isEqualTo("GUIDANCE");
        assertThat(decision.getDecidedBy()).isEqualTo("R1-RECONSIDERATION");
    }

    @Test
    void R1_outOfScopeTicketEndsWithRecordedGuidanceOverGrpc() {
        TicketServiceGrpc.TicketServiceBlockingStub tickets = hub.tickets();
        String name = tickets.receiveTicket(cn.linkage.hub.support.Requests.receive("GD-R1-0001")
                .setRequestType("其他").setRequestItem("").setDescription("咨询如何起诉欠款人").build()).getName();
        RouteMatterResponse route = routing().routeMatter(RouteMatterRequest.newBuilder().setOriginPlatform("12345")
                .setFreeText("咨询如何起诉欠款人").setUrgency(Urgency.URGENCY_NORMAL).build());

        Ticket closed = tickets.giveGuidance(GiveGuidanceRequest.newBuilder().setName(name)
                .setRequestId(cn.linkage.hub.support.Requests.newRequestId()).setActor(cn.linkage.hub.support.Requests.AT_12345)
                .setScopeRule(route.getDecidedBy()).setGuidance("属诉讼事项，已告知向人民法院起诉").build());

        assertThat(closed.getState()).isEqualTo(TicketState.TICKET_STATE_CLOSED);
        assertThat(closed.getClosure().getResult()).contains("R1-LITIGATION");
    }

    @Test
    void catalogueIsSearchableByChineseKeyword() {
        ListCatalogueRowsResponse rows = routing().listCatalogueRows(ListCatalogueRowsRequest.newBuilder()
                .setKeyword("电梯").build());
        assertThat(rows.getRowsList()).extracting(CatalogueRow::getRequestItem).contains("电梯故障");
        assertThat(routing().listHandlingUnits(ListHandlingUnitsRequest.getDefaultInstance()).getUnitsList())
                .extracting(HandlingUnit::getName).contains("市人社局", "崆峒区人民政府");
    }

    @Test
    void malformedRoutingRequestNamesItsFields() {
        com.google.rpc.Status status = failure(() -> routing().routeMatter(RouteMatterRequest.getDefaultInstance()));
        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(violatedFields(status)).contains("origin_platform", "urgency", "free_text");
    }

    @Test
    void malformedCatalogueFileStopsStartUpNamingFileAndRow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("city.yaml");
        Files.writeString(file, """
                version: "bad-1"
                platforms: [{code: "110", name: "110"}]
                rows:
                  - {id: L1-001, list: L1, type: "刑事类", item: "x", mode: TO_110, handling: SINGLE,
                     targets: ["119"], linkage: "转 110 办理"}
                """);
        assertThatThrownBy(() -> RunningHub.embedded(dir.resolve("data"), "--linkage.catalogue.file=" + file))
                .hasStackTraceContaining("city.yaml").hasStackTraceContaining("L1-001")
                .hasStackTraceContaining("'119'");
    }
}
