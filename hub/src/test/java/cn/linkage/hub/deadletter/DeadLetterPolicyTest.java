package cn.linkage.hub.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.io.UncheckedIOException;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.serialization.SerializationException;
import org.junit.jupiter.api.Test;

class DeadLetterPolicyTest {

    /** A payload carrying what must not reach the log. */
    record Transferred(String to) {
    }

    private static final EventMessage<?> TRANSFER = new GenericTrackedDomainEventMessage<>(
            GapAwareTrackingToken.newInstance(42, List.of()),
            new GenericDomainEventMessage<>("Ticket", "ticket-1", 3, new Transferred("110")));

    private final InMemorySequencedDeadLetterQueue<EventMessage<?>> queue = InMemorySequencedDeadLetterQueue.defaultQueue();
    private final DeadLetterPolicy policy = new DeadLetterPolicy("supervision-board", () -> queue,
            SequentialPerAggregatePolicy::instance);

    @Test
    void storeOutagesAndTimeoutsAreTransientButHandlerBugsAndUnreadableEventsAreNot() {
        assertThat(TransientFailures.isTransient(new MongoSocketReadException("reset", new ServerAddress()))).isTrue();
        assertThat(TransientFailures.isTransient(new MongoTimeoutException("no primary"))).isTrue();
        assertThat(TransientFailures.isTransient(new UncheckedIOException(new java.io.IOException("disk")))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("wrapped",
                new MongoTimeoutException("no primary")))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad event"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("bad state"))).isFalse();
        assertThat(TransientFailures.isTransient(new SerializationException("unknown type"))).isFalse();
    }

    @Test
    void aTransientFailureIsThrownBackSoTheProcessorRetriesIt() {
        MongoSocketReadException outage = new MongoSocketReadException("reset", new ServerAddress());
        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("ticket-1", TRANSFER, outage), outage))
                .isInstanceOf(TransientHandlingException.class)
                .hasMessageContaining("group=supervision-board").hasMessageContaining("aggregate=ticket-1")
                .hasMessageContaining("position=42").hasCause(outage);
    }

    @Test
    void aFailureForGoodIsDeadLettered() {
        IllegalStateException bug = new IllegalStateException("cannot apply");
        EnqueueDecision<EventMessage<?>> decision = policy.decide(new GenericDeadLetter<>("ticket-1", TRANSFER, bug), bug);
        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).hasValueSatisfying(c -> assertThat(c).hasMessage("cannot apply"));
    }

    @Test
    void aLetterFailingAgainDuringARetryStaysQueuedWhateverTheCause() {
        IllegalStateException bug = new IllegalStateException("cannot apply");
        queue.enqueue("ticket-1", new GenericDeadLetter<>("ticket-1", TRANSFER, bug));
        MongoTimeoutException outage = new MongoTimeoutException("no primary");
        EnqueueDecision<EventMessage<?>> decision = policy.decide(new GenericDeadLetter<>("ticket-1", TRANSFER, outage),
                outage);
        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).hasValueSatisfying(c -> assertThat(c).hasMessageContaining("no primary"));
    }

    @Test
    void anyFailureWhileTheQueueIsUnreachableIsThrownBackForTheProcessorToRetry() {
        DeadLetterPolicy storeDown = new DeadLetterPolicy("supervision-board", () -> {
            throw new MongoTimeoutException("no primary");
        }, SequentialPerAggregatePolicy::instance);
        IllegalStateException bug = new IllegalStateException("cannot apply");
        assertThatThrownBy(() -> storeDown.decide(new GenericDeadLetter<>("ticket-1", TRANSFER, bug), bug))
                .isInstanceOf(TransientHandlingException.class).hasCause(bug);
    }

    @Test
    void theFailedEventIsDescribedWithoutItsPayload() {
        assertThat(FailedEvent.of("supervision-board", TRANSFER).describe())
                .isEqualTo("group=supervision-board event=Transferred aggregate=ticket-1 sequence=3 position=42")
                .doesNotContain("110");
    }
}
