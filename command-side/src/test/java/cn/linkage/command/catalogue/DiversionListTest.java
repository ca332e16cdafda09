package cn.linkage.command.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.api.Urgency;
import cn.linkage.command.catalogue.LinkageDecision.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the shipped catalogue routes where the Pingliang plan says (R3, L1–L3). */
class DiversionListTest {

    private static final Catalogue CATALOGUE = CatalogueLoader.shipped();
    private static final LinkageRouter ROUTER = new LinkageRouter(CATALOGUE);

    static Stream<CatalogueRow> rows() {
        return CATALOGUE.rows().stream();
    }

    /** The platform that meets each list's matters first: L1 and L3 at 12345, L2 at 110. */
    private static String askingPlatform(CatalogueRow row) {
        return row.list() == DiversionList.L2 ? "110" : "12345";
    }

    @ParameterizedTest(name = "R3 {0}")
    @MethodSource("rows")
    void R3_everyRowRoutesWhereThePlanSays(CatalogueRow row) {
        LinkageDecision decision = ROUTER.route(new RoutingRequest(askingPlatform(row), row.type(), row.item(), null,
                Urgency.NORMAL));

        assertThat(decision.decidedBy()).isEqualTo(row.id());
        assertThat(decision.catalogueVersion()).isEqualTo("pingliang-2023.1");
        assertThat(decision.outcome()).isEqualTo(Outcome.TRANSFER);
        if (row.list() == DiversionList.L2) {
            assertThat(decision.targets()).containsExactly("12345");
            assertThat(decision.departments()).isEqualTo(row.departments()).isNotEmpty();
        } else {
            List<String> expected = new ArrayList<>(row.targets());
            expected.remove("12345");
            assertThat(decision.targets()).isEqualTo(expected);
        }
    }

    @Test
    void shippedCatalogueHoldsEveryRowOfAttachment1() {
        // Attachment 1 as transcribed: L1 30 rows (7 criminal, 6 public order, 5 road traffic, 9 sudden
        // incidents, other, emergency accidents, life-saving), L2 125 rows, L3 38 rows.
        assertThat(CATALOGUE.rows()).hasSize(193);
        assertThat(CATALOGUE.rows().stream().filter(r -> r.list() == DiversionList.L1)).hasSize(30);
        assertThat(CATALOGUE.rows().stream().filter(r -> r.list() == DiversionList.L2)).hasSize(125);
        assertThat(CATALOGUE.rows().stream().filter(r -> r.list() == DiversionList.L3)).hasSize(38);
        // Attachment 2: 7 county governments, the industrial park, 41 city departments, 11 mass
        // organisations, 21 enterprises and institutions.
        assertThat(CATALOGUE.units()).hasSize(7 + 1 + 41 + 11 + 21);
    }

    @Test
    void L1_trafficAccidentGoesJointlyTo122And110() {
        LinkageDecision d = ROUTER.route(new RoutingRequest("12345", "道路交通类", "交通事故", null, Urgency.URGENT));
        assertThat(d.targets()).containsExactly("122", "110");
        assertThat(d.handling()).isEqualTo(Handling.JOINT);
    }

    @Test
    void L3_brokenElevatorIsOneKeyTransferredTo12365() {
        LinkageDecision d = ROUTER.route(new RoutingRequest("110", null, null, "小区电梯故障困人", Urgency.URGENT));
        assertThat(d.outcome()).isEqualTo(Outcome.TRANSFER);
        assertThat(d.targets()).containsExactly("12365");
    }

    @Test
    void L2_medicalInsuranceFrom110GoesTo12345ForTheHealthcareSecurityBureau() {
        LinkageDecision d = ROUTER.route(new RoutingRequest("110", "医疗保障", "医疗保险", null, Urgency.NORMAL));
        assertThat(d.targets()).containsExactly("12345");
        assertThat(d.departments()).containsExactly("DEPT-MEDICAL-SECURITY");
        assertThat(CATALOGUE.party("DEPT-MEDICAL-SECURITY").orElseThrow().name()).isEqualTo("市医保局");
    }

    @Test
    void L2_matterAt12345IsDispatchedNotTransferred() {
        LinkageDecision d = ROUTER.route(new RoutingRequest("12345", "劳动纠纷", "拖欠工资", null, Urgency.NORMAL));
        assertThat(d.outcome()).isEqualTo(Outcome.DISPATCH);
        assertThat(d.departments()).containsExactly("DEPT-HRSS");
    }

    @Test
    void L1_matterAlreadyAt110StaysWith110() {
        LinkageDecision d = ROUTER.route(new RoutingRequest("110", "刑事类", "危害公共安全", null, Urgency.URGENT));
        assertThat(d.outcome()).isEqualTo(Outcome.KEEP);
    }

    @Test
    void L1_stateSecurityCluesAlsoGoToTheStateSecurityOrgans() {
        LinkageDecision d = ROUTER.route(new RoutingRequest("12345", "刑事类", "危害国家安全", null, Urgency.URGENT));
        assertThat(d.alsoNotify()).containsExactly("STATE_SECURITY");
    }

    @Test
    void R1_litigationEndsWithGuidanceNotATransfer() {
        LinkageDecision d = ROUTER.route(new RoutingRequest("12345", null, null, "想咨询起诉邻居需要什么材料", Urgency.NORMAL));
        assertThat(d.outcome()).isEqualTo(Outcome.GUIDANCE);
        assertThat(d.decidedBy()).isEqualTo("R1-LITIGATION");
        assertThat(d.targets()).isEmpty();
    }

    @Test
    void R4_emergencyGoesTo110First() {
        LinkageDecision d = ROUTER.route(new RoutingRequest("12345", null, null, "有人持刀伤人，侵犯人身权利", Urgency.EMERGENCY));
        assertThat(d.policeDispatchFirst()).isTrue();
        assertThat(d.targets()).contains("110");
    }

    @Test
    void R5_harassmentAndThreatsGoTo110AtOnce() {
        LinkageDecision d = ROUTER.route(new RoutingRequest("12345", null, null, "来电人反复醉酒骚扰并扬言报复", Urgency.URGENT));
        assertThat(d.decidedBy()).isEqualTo("L1-028");
        assertThat(d.immediatePolice()).isTrue();
        assertThat(d.targets()).containsExactly("110");
    }

    @Test
    void freeTextMatchesTheBracketedSubItemsOfTheOriginal() {
        LinkageDecision d = ROUTER.route(new RoutingRequest("12345", null, null, "邻居家庭暴力", Urgency.URGENT));
        assertThat(CATALOGUE.row(d.decidedBy()).orElseThrow().item()).isEqualTo("侵犯人身权利");
    }

    @Test
    void R4_matterInNoRowStaysWithTheFirstPlatform() {
        LinkageDecision d = ROUTER.route(new RoutingRequest("12345", null, null, "咨询天气预报", Urgency.NORMAL));
        assertThat(d.outcome()).isEqualTo(Outcome.NO_MATCH);
    }
}
