package cn.linkage.command.deadline;

import cn.linkage.api.DeadlineKind;
import cn.linkage.command.deadline.TimeLimits.Situation;
import java.time.Instant;
import java.util.Objects;

/**
 * The city's time limits on its working-day calendar, handed to the ticket's command handlers as one
 * resource (like {@code LinkagePolicy}).
 */
public record DeadlinePolicy(TimeLimits limits, WorkingCalendar calendar) {

    /** The documented defaults on a weekends-only calendar. */
    public static final DeadlinePolicy DEFAULT = new DeadlinePolicy(TimeLimits.DEFAULTS, WorkingCalendar.WEEKENDS_ONLY);

    public DeadlinePolicy {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** The deadline of {@code kind} for a step taken at {@code start}, and the limit that produced it. */
    public Deadline deadline(DeadlineKind kind, Situation situation, Instant start) {
        TimeLimit limit = limits.limit(kind, situation);
        return new Deadline(limit.dueFrom(start, calendar), limit.text());
    }

    /** A computed due time with the limit it came from, as recorded in the deadline events. */
    public record Deadline(Instant dueAt, String limit) {
    }
}
