package cn.linkage.hub.routing;

import static cn.linkage.hub.support.GrpcAssertions.failure;
import static cn.linkage.hub.support.GrpcAssertions.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.command.catalogue.CatalogueLoader;
import cn.linkage.hub.support.Requests;
import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.*;
import com.google.rpc.Code;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalogue revisions are events: published by the supervision office, checked, and replayed on restart. */
class CatalogueRevisionTest {

    private static final Actor SUPERVISION = Actor.newBuilder().setPlatform("SUPERVISION").setOperatorId("sup-1").build();

    @TempDir
    Path dataDir;

    /** Version 2 sends traffic accidents to 110 alone. */
    private static String version2() throws Exception {
        String shipped;
        try (var in = CatalogueRevisionTest.class.getClassLoader().getResourceAsStream(CatalogueLoader.SHIPPED)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int row = shipped.indexOf("  - id: L1-014");
        int next = shipped.indexOf("  - id: L1-015");
        String revisedRow = shipped.substring(row, next).replace("mode: JOINT_122_110", "mode: TO_110")
                .replace("handling: JOINT", "handling: SINGLE").replace("targets: [\"122\", \"110\"]", "targets: [\"110\"]");
        return (shipped.substring(0, row) + revisedRow + shipped.substring(next))
                .replace("version: \"pingliang-2023.1\"", "version: \"pingliang-2023.2\"");
    }

    @Test
    void revisionTakesEffectIsListedAndSurvivesARestart() throws Exception {
        ReviseCatalogueRequest revise = ReviseCatalogueRequest.newBuilder().setRequestId(Requests.newRequestId())
                .setActor(SUPERVISION).setCatalogueText(version2()).setNote("会商决定：单车事故由公安处置").build();
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            RoutingServiceGrpc.RoutingServiceBlockingStub routing = RoutingServiceGrpc.newBlockingStub(hub.channel());
            CatalogueRevision revision = routing.reviseCatalogue(revise);
            assertThat(revision.getVersion()).isEqualTo("pingliang-2023.2");
            assertThat(revision.getSha256()).hasSize(64);
            awaitCurrentVersion(routing, "pingliang-2023.2");
            assertThat(route(routing).getTargetsList()).containsExactly("110");

            com.google.rpc.Status reused = failure(() -> routing.reviseCatalogue(revise.toBuilder()
                    .setRequestId(Requests.newRequestId()).build()));
            assertThat(reused.getCode()).isEqualTo(Code.FAILED_PRECONDITION_VALUE);
        }
        try (RunningHub restarted = RunningHub.embedded(dataDir)) {
            RoutingServiceGrpc.RoutingServiceBlockingStub routing = RoutingServiceGrpc.newBlockingStub(restarted.channel());
            awaitCurrentVersion(routing, "pingliang-2023.2");
            assertThat(routing.listCatalogueRevisions(ListCatalogueRevisionsRequest.getDefaultInstance())
                    .getRevisionsList()).extracting(CatalogueRevision::getVersion).containsExactly("pingliang-2023.2");
        }
    }

    @Test
    void onlyTheSupervisionOfficeRevisesAndABadFileIsRefused() {
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            RoutingServiceGrpc.RoutingServiceBlockingStub routing = RoutingServiceGrpc.newBlockingStub(hub.channel());
            com.google.rpc.Status denied = failure(() -> routing.reviseCatalogue(ReviseCatalogueRequest.newBuilder()
                    .setRequestId(Requests.newRequestId()).setActor(Requests.AT_12345).setCatalogueText("version: x").build()));
            assertThat(denied.getCode()).isEqualTo(Code.PERMISSION_DENIED_VALUE);

            com.google.rpc.Status bad = failure(() -> routing.reviseCatalogue(ReviseCatalogueRequest.newBuilder()
                    .setRequestId(Requests.newRequestId()).setActor(SUPERVISION)
                    .setCatalogueText("version: \"x\"\nrows:\n  - {id: L1-001, list: L9}").build()));
            assertThat(bad.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
            assertThat(violatedFields(bad)).containsExactly("catalogue_text");
            assertThat(bad.getMessage()).contains("L1-001");
        }
    }

    private static RouteMatterResponse route(RoutingServiceGrpc.RoutingServiceBlockingStub routing) {
        return routing.routeMatter(RouteMatterRequest.newBuilder().setOriginPlatform("12345")
                .setRequestType("道路交通类").setRequestItem("交通事故").setUrgency(Urgency.URGENCY_URGENT).build());
    }

    private static void awaitCurrentVersion(RoutingServiceGrpc.RoutingServiceBlockingStub routing, String version)
            throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (routing.listCatalogueRevisions(ListCatalogueRevisionsRequest.getDefaultInstance()).getCurrentVersion()
                    .equals(version)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("catalogue version " + version + " never became current");
    }
}
