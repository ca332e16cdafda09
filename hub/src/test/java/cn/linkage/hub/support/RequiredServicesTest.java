package cn.linkage.hub.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Issue 16 item 1: no silent skips in CI — a test missing its PostgreSQL fails there and skips, saying so, locally. */
class RequiredServicesTest {

    @Test
    void missingPostgresFailsUnderCi() {
        assertThatThrownBy(() -> RequiredServices.postgresUrl(RequiredServices.of(Map.of("CI", "true"))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("FAILED, not skipped")
                .hasMessageContaining("LINKAGE_TEST_PG_URL");
    }

    @Test
    void missingPostgresFailsWhenTheCiScriptRequiresServices() {
        assertThatThrownBy(() -> RequiredServices.postgresUrl(RequiredServices.of(Map.of("LINKAGE_REQUIRE_SERVICES", "1"))))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void missingPostgresSkipsLocallyNamingWhatToRun() {
        assertThatThrownBy(() -> RequiredServices.postgresUrl(RequiredServices.of(Map.of())))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("SKIPPED locally")
                .hasMessageContaining("./scripts/postgres.sh");
        assertThatThrownBy(() -> RequiredServices.postgresUrl(RequiredServices.of(Map.of("CI", "false",
                "LINKAGE_TEST_PG_URL", " ")))).isInstanceOf(TestAbortedException.class);
    }

    @Test
    void givenUrlIsUsedWhetherRequiredOrNot() {
        String url = "jdbc:postgresql://127.0.0.1:55432/linkage";
        assertThat(RequiredServices.postgresUrl(RequiredServices.of(Map.of("LINKAGE_TEST_PG_URL", url)))).isEqualTo(url);
        assertThat(RequiredServices.postgresUrl(RequiredServices.of(Map.of("CI", "true", "LINKAGE_TEST_PG_URL", url))))
                .isEqualTo(url);
    }
}
