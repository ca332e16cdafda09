package cn.linkage.hub.deadline;

import cn.linkage.api.Actor;
import cn.linkage.api.NotPermittedException;
import cn.linkage.api.PartyCode;
import cn.linkage.api.TicketRuleViolation;
import cn.linkage.api.command.MarkDeadlineMissedCommand;
import cn.linkage.hub.deadline.DeadlineBuckets.Bucket;
import cn.linkage.hub.deadline.DeadlineBuckets.Entry;
import cn.linkage.hub.scheduling.PeriodicTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's deadline clock. Every {@code pollEvery} it reads the minute buckets from its last fully
 * processed minute (less a short look-back for late filings) up to now, and for every entry that is
 * due and not yet fired sends a {@link MarkDeadlineMissedCommand} with a request id derived from the
 * entry; the ticket decides whether the deadline was missed. Position and fired marks are stored, so
 * a restart resumes where it stopped and fires what fell due while the hub was down. Every node runs
 * it: a deadline fired by two nodes is applied once (same request id, optimistic concurrency).
 */
public class DeadlinePoller extends PeriodicTask {

    /** Who marks a deadline missed: the hub, on behalf of the supervision office. */
    public static final Actor DEADLINE_CLOCK = new Actor(PartyCode.SUPERVISION, null, "deadline-clock");

    private static final Logger log = LoggerFactory.getLogger(DeadlinePoller.class);

    private final DeadlineBuckets buckets;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration lookBack;

    public DeadlinePoller(DeadlineBuckets buckets, CommandGateway commands, Clock clock, Duration every,
                          Duration lookBack) {
        super("deadline-poller", every);
        this.buckets = buckets;
        this.commands = commands;
        this.clock = clock;
        this.lookBack = lookBack;
    }

    /** One round; returns how many deadlines it fired. Public for tests and operators. */
    public int pollOnce() {
        Instant now = clock.instant();
        Instant current = DeadlineBuckets.minuteOf(now);
        Instant done = buckets.position().orElse(current.minus(lookBack));
        Instant firstFailed = null;
        int fired = 0;
        for (Bucket bucket : buckets.read(done.plus(1, ChronoUnit.MINUTES).minus(lookBack), current)) {
            for (String encoded : bucket.entries()) {
                Entry entry = Entry.decode(encoded);
                if (bucket.fired().contains(encoded) || entry.dueAt().isAfter(now)) {
                    continue;
                }
                if (fire(entry)) {
                    buckets.markFired(bucket.id(), entry);
                    fired++;
                } else if (firstFailed == null) {
                    firstFailed = Instant.parse(bucket.id() + ":00Z");
                }
            }
        }
        // The current minute may still receive entries due later in it: it is done once it has passed.
        Instant newPosition = firstFailed != null ? firstFailed.minus(1, ChronoUnit.MINUTES)
                : current.minus(1, ChronoUnit.MINUTES);
        if (newPosition.isAfter(done)) {
            buckets.savePosition(newPosition);
        }
        return fired;
    }

    private boolean fire(Entry entry) {
        MarkDeadlineMissedCommand command = new MarkDeadlineMissedCommand(entry.ticketId(),
                MarkDeadlineMissedCommand.requestIdFor(entry.ticketId(), entry.party(), entry.kind(), entry.dueAt()),
                DEADLINE_CLOCK, entry.party(), entry.kind(), entry.dueAt());
        try {
            commands.sendAndWait(command);
            return true;
        } catch (TicketRuleViolation | NotPermittedException e) {
            log.warn("Deadline {} refused by its ticket, not retried: {}", entry, e.getMessage());
            return true;
        } catch (RuntimeException e) {
            log.warn("Firing deadline {} failed, retried next round: {}", entry, e.toString());
            return false;
        }
    }

    @Override
    protected void round() {
        int fired = pollOnce();
        if (fired > 0) {
            log.info("Fired {} passed deadline(s)", fired);
        }
    }
}
