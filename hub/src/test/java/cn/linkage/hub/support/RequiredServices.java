package cn.linkage.hub.support;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.opentest4j.TestAbortedException;

/**
 * External services some tests need (PostgreSQL for the intermediate-database connector). Under CI — {@code CI=true},
 * or {@code LINKAGE_REQUIRE_SERVICES=1} as {@code .ci/run} sets — a missing service fails the test, so CI can
 * never be green without it. Locally the test is skipped, with a message saying what is missing and how to get it.
 */
public final class RequiredServices {

    public static final String POSTGRES_URL = "LINKAGE_TEST_PG_URL";
    public static final String REQUIRE = "LINKAGE_REQUIRE_SERVICES";

    private RequiredServices() {
    }

    /** The JDBC URL of the test PostgreSQL; fails under CI and skips locally when none is given. */
    public static String postgresUrl() {
        return postgresUrl(name -> System.getProperty(name, System.getenv(name)));
    }

    static String postgresUrl(UnaryOperator<String> settings) {
        String url = settings.apply(POSTGRES_URL);
        if (url != null && !url.isBlank()) {
            return url;
        }
        String missing = POSTGRES_URL + " is not set, so the intermediate-database connector cannot be tested against "
                + "PostgreSQL; run `" + POSTGRES_URL + "=$(./scripts/postgres.sh) && export " + POSTGRES_URL + "` first";
        if (required(settings)) {
            throw new AssertionError("FAILED, not skipped: CI requires every service its tests use (CI="
                    + settings.apply("CI") + ", " + REQUIRE + "=" + settings.apply(REQUIRE) + "). " + missing);
        }
        throw new TestAbortedException("SKIPPED locally: " + missing + " (under CI this test fails instead)");
    }

    /** Whether a missing service fails the test rather than skipping it. */
    public static boolean required(UnaryOperator<String> settings) {
        return "true".equalsIgnoreCase(settings.apply("CI")) || "1".equals(settings.apply(REQUIRE));
    }

    /** For tests of this class: settings from a map. */
    static UnaryOperator<String> of(Map<String, String> settings) {
        return settings::get;
    }
}
