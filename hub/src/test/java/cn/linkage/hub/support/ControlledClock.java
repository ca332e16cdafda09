package cn.linkage.hub.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test-only Spring configuration: replaces the hub's system clock with one the test moves by hand. The
 * clock is static so a restarted hub in the same JVM keeps the moved time. Deliberately not a
 * {@code @Configuration}: the hub's component scan would pick it up for every test hub; it is passed
 * as an extra source only to the hubs that want it ({@link RunningHub#embeddedWith}).
 */
public class ControlledClock {

    public static final Mutable CLOCK = new Mutable();

    @Bean
    @Primary
    public Clock movableClock() {
        return CLOCK;
    }

    /** A clock that stands still until moved; by default it starts at the real time so stored tokens stay sane. */
    public static final class Mutable extends Clock {

        private volatile Instant now;

        public Mutable() {
            this(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }

        public Mutable(Instant start) {
            this.now = start;
        }

        public void advance(Duration duration) {
            now = now.plus(duration);
        }

        public void setTo(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
