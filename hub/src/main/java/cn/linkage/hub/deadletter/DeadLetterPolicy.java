package cn.linkage.hub.deadletter;

import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to an event whose handler threw, for one processing group.
 * <ul>
 *   <li>A failure that may pass ({@link TransientFailures}) of an event handled for the first time is
 *   thrown on: the processor retries it with its own back-off (per segment, doubling), and nothing
 *   after it in that segment is handled meanwhile. Dead-lettering it instead would fill the queue with
 *   every ticket touched during a store outage.</li>
 *   <li>Any other failure dead-letters the event: the queue keeps it, and every later event of the same
 *   ticket queues behind it, so the view never applies a ticket's events out of order. Other tickets
 *   go on.</li>
 *   <li>While an operator retries dead letters, a failure of either kind leaves the letter queued with
 *   the new cause (its ticket is still dead-lettered, so the letter cannot be thrown back to a
 *   processor).</li>
 * </ul>
 * Every decision is logged with group, event type, aggregate id, position and cause (never the payload).
 */
public final class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPolicy.class);

    private final String processingGroup;
    private final Supplier<SequencedDeadLetterQueue<EventMessage<?>>> queue;
    private final Supplier<SequencingPolicy<? super EventMessage<?>>> sequencing;

    /**
     * @param queue      the group's queue, looked up when first needed (Axon builds it after the policy)
     * @param sequencing the group's sequencing policy, which names the sequence (ticket) of an event
     */
    public DeadLetterPolicy(String processingGroup, Supplier<SequencedDeadLetterQueue<EventMessage<?>>> queue,
                            Supplier<SequencingPolicy<? super EventMessage<?>>> sequencing) {
        this.processingGroup = processingGroup;
        this.queue = queue;
        this.sequencing = sequencing;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        FailedEvent event = FailedEvent.of(processingGroup, letter.message());
        // The dead-lettering invoker hands an event to the handlers only when its ticket is not in the
        // queue; the operator's retry hands over letters still in it. So "in the queue" means "a retry".
        if (isRetry(letter, event, cause)) {
            log.warn("Dead letter failed again and stays queued: {} cause={}", event.describe(), summary(cause));
            return Decisions.requeue(ThrowableCause.truncated(cause));
        }
        if (TransientFailures.isTransient(cause)) {
            log.warn("Transient failure, the processor retries with back-off: {} cause={}", event.describe(),
                    summary(cause));
            throw new TransientHandlingException(event, cause);
        }
        log.error("Event failed for good and is dead-lettered; later events of its ticket queue behind it: {}",
                event.describe(), cause);
        return Decisions.enqueue(ThrowableCause.truncated(cause));
    }

    private boolean isRetry(DeadLetter<? extends EventMessage<?>> letter, FailedEvent event, Throwable cause) {
        Object sequence = sequencing.get().getSequenceIdentifierFor(letter.message());
        try {
            return sequence != null && queue.get().contains(sequence);
        } catch (RuntimeException queueUnreachable) {
            if (!TransientFailures.isTransient(queueUnreachable)) {
                throw queueUnreachable;
            }
            // The store is down for the queue as well: whatever the handler's failure, retry it later.
            log.warn("Failure while the store is unreachable, the processor retries with back-off: {} cause={}",
                    event.describe(), summary(cause));
            throw new TransientHandlingException(event, cause);
        }
    }

    private static String summary(Throwable cause) {
        return cause.getClass().getName() + ": " + cause.getMessage();
    }
}
