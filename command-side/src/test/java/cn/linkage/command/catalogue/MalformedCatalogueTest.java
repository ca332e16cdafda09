package cn.linkage.command.catalogue;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A bad edit stops loading with a message naming the file, the row and the problem. */
class MalformedCatalogueTest {

    private static final String HEADER = """
            version: "test-1"
            platforms:
              - {code: "12345", name: "12345"}
              - {code: "110", name: "110"}
            units:
              - {code: "DEPT-HRSS", name: "市人社局", kind: CITY_DEPARTMENT}
            rows:
            """;

    private static final String GOOD_ROW = """
              - {id: L1-001, list: L1, type: "刑事类", item: "危害公共安全", mode: TO_110, handling: SINGLE,
                 targets: ["110"], linkage: "转 110 办理"}
            """;

    @Test
    void unknownUnitNamesFileRowAndCode() {
        assertThatThrownBy(() -> CatalogueLoader.parse("bad-unit.yaml", HEADER + """
                  - {id: L2-001, list: L2, type: "劳动纠纷", item: "拖欠工资", mode: TO_12345_THEN_DEPARTMENT,
                     handling: SINGLE, targets: ["12345"], departments: ["DEPT-NOWHERE"], linkage: "x"}
                """)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("bad-unit.yaml").hasMessageContaining("L2-001").hasMessageContaining("DEPT-NOWHERE");
    }

    @Test
    void duplicateItemIsRefused() {
        assertThatThrownBy(() -> CatalogueLoader.parse("dup.yaml", HEADER + GOOD_ROW + GOOD_ROW.replace("L1-001", "L1-002")))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("dup.yaml")
                .hasMessageContaining("L1-002").hasMessageContaining("duplicate item");
    }

    @Test
    void duplicateRowIdIsRefused() {
        assertThatThrownBy(() -> CatalogueLoader.parse("dup-id.yaml", HEADER + GOOD_ROW
                + GOOD_ROW.replace("危害公共安全", "其他刑事类有关事项")))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("L1-001").hasMessageContaining("used twice");
    }

    @Test
    void unknownModeNamesTheAllowedOnes() {
        assertThatThrownBy(() -> CatalogueLoader.parse("mode.yaml", HEADER + GOOD_ROW.replace("TO_110", "TO_MARS")))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("rows entry 1 (L1-001)")
                .hasMessageContaining("TO_MARS");
    }

    @Test
    void jointHandlingWithOneTargetIsInconsistent() {
        assertThatThrownBy(() -> CatalogueLoader.parse("joint.yaml", HEADER + GOOD_ROW.replace("SINGLE", "JOINT")))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("needs at least two targets");
    }

    @Test
    void missingFieldIsNamed() {
        assertThatThrownBy(() -> CatalogueLoader.parse("missing.yaml", HEADER + GOOD_ROW.replace("item: \"危害公共安全\", ", "")))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("'item' is missing");
    }

    @Test
    void brokenYamlIsReportedAsSuch() {
        assertThatThrownBy(() -> CatalogueLoader.parse("broken.yaml", "rows: [ {id: "))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("broken.yaml: not valid YAML");
    }
}
