package cn.linkage.hub.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's view of the event processors' dead letters: how many each processing group holds,
 * since when and why, and a retry that hands them to the group's handlers again (after a fix). A
 * retry works through each dead-lettered ticket once, in order, and stops a ticket at its first
 * letter that fails again.
 */
public class ProcessingDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(ProcessingDeadLetters.class);

    private final Supplier<EventProcessingConfiguration> processing;
    private final List<String> groups;

    /**
     * @param processing the Axon event processing configuration (looked up when first used: it is
     *                   built after the beans that need this)
     * @param groups     the processing groups that dead-letter, in the order they are listed
     */
    public ProcessingDeadLetters(Supplier<EventProcessingConfiguration> processing, List<String> groups) {
        this.processing = processing;
        this.groups = List.copyOf(groups);
    }

    /** One summary per processing group that dead-letters, empty ones included. */
    public List<GroupDeadLetters> list() {
        List<GroupDeadLetters> all = new ArrayList<>();
        for (String group : groups) {
            all.add(summary(group, queue(group)));
        }
        return all;
    }

    /** Whether {@code group} is a processing group that dead-letters. */
    public boolean knows(String group) {
        return groups.contains(group);
    }

    /**
     * Hands every dead-lettered ticket of {@code group} to its handlers again, each ticket once, and
     * reports what is left.
     *
     * @throws IllegalArgumentException if the group does not dead-letter
     */
    public RetryOutcome retry(String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.get()
                .sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new IllegalArgumentException("processing group " + group + " has no dead letters"));
        long lettersBefore = queue.size();
        int ticketsCleared = 0;
        int ticketsStillFailing = 0;
        // A ticket whose head fails again is requeued and would be offered again at once: each ticket once.
        Set<Object> offered = new HashSet<>();
        while (true) {
            boolean[] picked = {false};
            boolean cleared = processor.process(letter -> {
                if (!offered.add(sequenceOf(group, letter))) {
                    return false;
                }
                picked[0] = true;
                return true;
            });
            if (!picked[0]) {
                break;
            }
            if (cleared) {
                ticketsCleared++;
            } else {
                ticketsStillFailing++;
            }
        }
        RetryOutcome outcome = new RetryOutcome(group, lettersBefore, ticketsCleared, ticketsStillFailing,
                queue.size());
        log.info("Retried dead letters of {}: {} letters before, {} tickets cleared, {} still failing, {} letters "
                + "left", group, lettersBefore, ticketsCleared, ticketsStillFailing, outcome.lettersLeft());
        return outcome;
    }

    /** Logs one line per group that holds dead letters, so a start never hides a backlog. */
    public void logBacklog() {
        for (GroupDeadLetters group : list()) {
            if (group.letters() > 0) {
                log.warn("Processing group {} holds {} dead letters of {} tickets, the oldest since {} ({}); "
                        + "retry with SupervisionService/RetryProcessingDeadLetters after a fix (docs/runbook.md)",
                        group.processingGroup(), group.letters(), group.tickets(), group.oldestEnqueuedAt(),
                        group.oldestCause());
            }
        }
    }

    private GroupDeadLetters summary(String group, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        long letters = queue.size();
        if (letters == 0) {
            return new GroupDeadLetters(group, 0, 0, null, "", "");
        }
        long tickets = 0;
        DeadLetter<? extends EventMessage<?>> oldest = null;
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            Iterator<DeadLetter<? extends EventMessage<?>>> inSequence = sequence.iterator();
            if (!inSequence.hasNext()) {
                continue;
            }
            tickets++;
            // The head of each sequence is the letter that failed; those behind it only wait.
            DeadLetter<? extends EventMessage<?>> head = inSequence.next();
            if (oldest == null || head.enqueuedAt().isBefore(oldest.enqueuedAt())) {
                oldest = head;
            }
        }
        if (oldest == null) {
            return new GroupDeadLetters(group, letters, 0, null, "", "");
        }
        Optional<Cause> cause = oldest.cause();
        return new GroupDeadLetters(group, letters, tickets, oldest.enqueuedAt(),
                cause.map(c -> c.type() + ": " + c.message()).orElse(""),
                FailedEvent.of(group, oldest.message()).aggregateId());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        if (!knows(group)) {
            throw new IllegalArgumentException("processing group " + group + " has no dead letters");
        }
        return processing.get().deadLetterQueue(group)
                .orElseThrow(() -> new IllegalStateException("processing group " + group + " has no dead-letter queue"));
    }

    private Object sequenceOf(String group, DeadLetter<? extends EventMessage<?>> letter) {
        Object sequence = processing.get().sequencingPolicy(group).getSequenceIdentifierFor(letter.message());
        return sequence == null ? letter.message().getIdentifier() : sequence;
    }

    /**
     * The dead letters of one processing group.
     *
     * @param letters          letters held, failed ones and those queued behind them
     * @param tickets          tickets (sequences) held back
     * @param oldestEnqueuedAt when the oldest failed letter was enqueued; null if none
     * @param oldestCause      its cause, {@code type: message}; empty if none
     * @param oldestTicketId   the ticket (aggregate) of that letter; empty if none
     */
    public record GroupDeadLetters(String processingGroup, long letters, long tickets, Instant oldestEnqueuedAt,
                                   String oldestCause, String oldestTicketId) {
    }

    /**
     * What a retry did.
     *
     * @param lettersBefore       letters held when it started
     * @param ticketsCleared      tickets whose letters all succeeded and are gone
     * @param ticketsStillFailing tickets stopped at a letter that failed again (it stays, with the new cause)
     * @param lettersLeft         letters held when it ended
     */
    public record RetryOutcome(String processingGroup, long lettersBefore, int ticketsCleared,
                               int ticketsStillFailing, long lettersLeft) {
    }
}
