package cn.linkage.hub.support;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test-only Spring source (pass it to {@link RunningHub#embeddedWith}): the hub's clock stands at a fixed
 * instant and moves only when the test moves it, so day keys, "as of" moments and the time a test asks about
 * are the hub's own, never the machine's. {@link #START} is 00:30 on 3 March 2026 in Beijing and still 2 March
 * in UTC, so a day taken in the wrong zone shows. Not a {@code @Configuration}, so the hub's component scan
 * leaves it out of other tests' hubs. Static (one Spring source class): call {@link #reset()} before starting a hub.
 */
public class FixedClock {

    /** 2026-03-03 00:30 China Standard Time. */
    public static final Instant START = Instant.parse("2026-03-02T16:30:00Z");
    /** The Beijing day of {@link #START}, as the views key it. */
    public static final String START_DAY = "2026-03-03";

    public static final ControlledClock.Mutable CLOCK = new ControlledClock.Mutable(START);

    @Bean
    @Primary
    public Clock hubClockStandingStill() {
        return CLOCK;
    }

    /** Back to {@link #START}. */
    public static void reset() {
        CLOCK.setTo(START);
    }
}
