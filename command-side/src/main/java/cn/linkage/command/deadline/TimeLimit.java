package cn.linkage.command.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * How long a party has: either a clock duration (emergencies run around the clock: {@code 30m},
 * {@code 24h}) or a number of working days on the city's {@link WorkingCalendar} ({@code 3wd}).
 */
public sealed interface TimeLimit {

    /** When the limit runs out for a step taken at {@code start}. */
    Instant dueFrom(Instant start, WorkingCalendar calendar);

    /** The limit as written in configuration and recorded in the deadline events. */
    String text();

    static TimeLimit of(Duration duration) {
        return new Clocked(duration);
    }

    static TimeLimit workingDays(int days) {
        return new WorkingDays(days);
    }

    /**
     * Reads {@code 3wd} (working days), {@code 30m}, {@code 2h}, {@code 1d} (clock minutes, hours, days)
     * or an ISO-8601 duration such as {@code PT45M}.
     */
    static TimeLimit parse(String text) {
        String t = Objects.requireNonNull(text, "time limit").trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("wd")) {
                return workingDays(Integer.parseInt(t.substring(0, t.length() - 2)));
            }
            if (t.startsWith("p")) {
                return of(Duration.parse(t.toUpperCase(Locale.ROOT)));
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 'm' -> of(Duration.ofMinutes(amount));
                case 'h' -> of(Duration.ofHours(amount));
                case 'd' -> of(Duration.ofDays(amount));
                default -> throw new IllegalArgumentException("unknown unit");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("time limit '" + text
                    + "' is none of <n>wd (working days), <n>m, <n>h, <n>d or an ISO-8601 duration", e);
        }
    }

    /** A limit on the wall clock, weekends and holidays included. */
    record Clocked(Duration duration) implements TimeLimit {

        public Clocked {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("a time limit must be positive");
            }
        }

        @Override
        public Instant dueFrom(Instant start, WorkingCalendar calendar) {
            return start.plus(duration);
        }

        @Override
        public String text() {
            long minutes = duration.toMinutes();
            if (!duration.equals(Duration.ofMinutes(minutes))) {
                return duration.toString();
            }
            return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
        }
    }

    /** A limit in working days, kept at the same time of day (see {@link WorkingCalendar#plusWorkingDays}). */
    record WorkingDays(int days) implements TimeLimit {

        public WorkingDays {
            if (days < 1) {
                throw new IllegalArgumentException("a working-day limit is at least one day");
            }
        }

        @Override
        public Instant dueFrom(Instant start, WorkingCalendar calendar) {
            return calendar.plusWorkingDays(start, days);
        }

        @Override
        public String text() {
            return days + "wd";
        }
    }
}
