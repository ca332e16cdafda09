package cn.linkage.command.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static cn.linkage.command.eventstore.StoredEvents.identifiersOf;
import static cn.linkage.command.eventstore.StoredEvents.lastTokenOf;
import static cn.linkage.command.eventstore.StoredEvents.readAfter;
import static cn.linkage.command.eventstore.StoredEvents.sequenceNumbersOf;
import static cn.linkage.command.eventstore.StoredEvents.ticketEvent;
import static cn.linkage.command.eventstore.StoredEvents.ticketEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Atomicity, optimistic concurrency and gap handling of the engine, beyond Axon's generic contract. */
class MongoEventStorageEngineTest {

    private static final String TICKET = "ticket-1";
    private static final String OTHER_TICKET = "ticket-2";

    private final MutableClock clock = new MutableClock();
    private EmbeddedMongo mongo;

    @BeforeEach
    void startMongo() {
        mongo = openMongo();
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    protected EmbeddedMongo openMongo() {
        return EmbeddedMongo.inMemory();
    }

    private MongoEventStorageEngine engine(UnaryOperator<MongoEventStorageEngine.Builder> customization) {
        return customization.apply(MongoEventStorageEngine.builder()
                                                         .database(mongo.database("behaviour"))
                                                         .settings(MongoEventStoreSettings.defaults().withClock(clock))
                                                         .eventSerializer(TestSerializers.jackson())
                                                         .snapshotSerializer(TestSerializers.jackson()))
                            .build();
    }

    private MongoEventStorageEngine engine() {
        return engine(builder -> builder);
    }

    @Test
    void unitOfWorkEventsAreStoredAllOrNothing() {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(ticketEvent(OTHER_TICKET, 0));

        // The second aggregate's event clashes, so the first aggregate's two events must not appear either.
        assertThatThrownBy(() -> engine.appendEvents(ticketEvent(TICKET, 0), ticketEvent(TICKET, 1),
                                                     ticketEvent(OTHER_TICKET, 0)))
                .isInstanceOf(AggregateStreamCreationException.class);

        assertThat(sequenceNumbersOf(engine, TICKET)).isEmpty();
        assertThat(sequenceNumbersOf(engine, OTHER_TICKET)).containsExactly(0L);
        assertThat(readAfter(engine, null)).hasSize(1);
    }

    @Test
    void concurrentAppendToSameAggregateRaisesConcurrencyException() {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(ticketEvents(TICKET, 0, 2));
        // Both writers loaded sequences 0..1 and decide to append at 2.
        engine.appendEvents(ticketEvent(TICKET, 2));

        assertThatThrownBy(() -> engine.appendEvents(ticketEvent(TICKET, 2)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(sequenceNumbersOf(engine, TICKET)).containsExactly(0L, 1L, 2L);
    }

    @Test
    void staleWriterInsideAnotherCommitIsRejected() {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(ticketEvents(TICKET, 0, 3));
        engine.appendEvents(ticketEvents(TICKET, 3, 2));

        // Loaded up to 2 before the commit covering 3..4 was stored.
        assertThatThrownBy(() -> engine.appendEvents(ticketEvent(TICKET, 3)))
                .isInstanceOf(ConcurrencyException.class);
        // Every event slot is a unique key, so even a slot inside another commit is caught.
        assertThatThrownBy(() -> engine.appendEvents(ticketEvent(TICKET, 4)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(sequenceNumbersOf(engine, TICKET)).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void lateFillingGapIsDeliveredNotSkipped() throws InterruptedException {
        CountDownLatch slowWriterReserved = new CountDownLatch(1);
        CountDownLatch releaseSlowWriter = new CountDownLatch(1);
        MongoEventStorageEngine engine = engine(builder -> builder.afterReservation(position -> {
            if (Thread.currentThread().getName().equals("slow-writer")) {
                slowWriterReserved.countDown();
                awaitQuietly(releaseSlowWriter);
            }
        }));
        Thread slowWriter = new Thread(() -> engine.appendEvents(ticketEvent(TICKET, 0)), "slow-writer");
        slowWriter.start();
        assertThat(slowWriterReserved.await(10, TimeUnit.SECONDS)).isTrue();
        engine.appendEvents(ticketEvent(OTHER_TICKET, 0));

        List<TrackedEventMessage<?>> beforeFill = readAfter(engine, null);
        TrackingToken readerPosition = lastTokenOf(beforeFill, null);
        releaseSlowWriter.countDown();
        slowWriter.join();
        List<TrackedEventMessage<?>> afterFill = readAfter(engine, readerPosition);

        assertThat(beforeFill).extracting(event -> event.getPayload().toString()).containsExactly("event 0 of " + OTHER_TICKET);
        assertThat(((GapAwareTrackingToken) readerPosition).getGaps()).containsExactly(1L);
        assertThat(afterFill).extracting(event -> event.getPayload().toString()).containsExactly("event 0 of " + TICKET);
    }

    @Test
    void writerAbandonsPositionsReservedLongerThanHalfTheGapTimeout() {
        AtomicInteger reservations = new AtomicInteger();
        MongoEventStorageEngine engine = engine(builder -> builder
                .settings(MongoEventStoreSettings.defaults().withGapTimeout(Duration.ofMillis(200)))
                .afterReservation(position -> {
                    if (reservations.getAndIncrement() == 0) {
                        sleepQuietly(Duration.ofMillis(150));
                    }
                }));

        engine.appendEvents(ticketEvent(TICKET, 0));

        List<TrackedEventMessage<?>> all = readAfter(engine, null);
        assertThat(reservations).hasValue(2);
        assertThat(all).hasSize(1);
        GapAwareTrackingToken token = (GapAwareTrackingToken) all.get(0).trackingToken();
        assertThat(token.getIndex()).isEqualTo(2);
        assertThat(token.getGaps()).containsExactly(1L);
    }

    @Test
    void gapIsDroppedOnceTheCommitAfterItIsOlderThanTheGapTimeout() {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(ticketEvent(TICKET, 0));
        leaveGapByLosingARace(engine, TICKET, 0);
        engine.appendEvents(ticketEvent(OTHER_TICKET, 0));
        TrackingToken withGap = lastTokenOf(readAfter(engine, null), null);
        assertThat(((GapAwareTrackingToken) withGap).getGaps()).containsExactly(2L);

        clock.advance(Duration.ofSeconds(61));
        engine.appendEvents(ticketEvent(OTHER_TICKET, 1));
        TrackingToken afterTimeout = lastTokenOf(readAfter(engine, withGap), null);

        assertThat(((GapAwareTrackingToken) afterTimeout).getGaps()).isEmpty();
    }

    @Test
    void youngGapIsKept() {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(ticketEvent(TICKET, 0));
        leaveGapByLosingARace(engine, TICKET, 0);
        engine.appendEvents(ticketEvent(OTHER_TICKET, 0));
        TrackingToken withGap = lastTokenOf(readAfter(engine, null), null);

        clock.advance(Duration.ofSeconds(59));
        engine.appendEvents(ticketEvent(OTHER_TICKET, 1));
        TrackingToken later = lastTokenOf(readAfter(engine, withGap), null);

        assertThat(((GapAwareTrackingToken) later).getGaps()).containsExactly(2L);
    }

    @Test
    void readerCrossesMoreThanABatchOfAbandonedPositions() {
        MongoEventStorageEngine engine = engine(builder -> builder.batchSize(10));
        engine.appendEvents(ticketEvent(TICKET, 0));
        // A 25-event commit that loses its race leaves 25 positions that will never be written.
        assertThatThrownBy(() -> engine.appendEvents(ticketEvents(TICKET, 0, 25)))
                .isInstanceOf(AggregateStreamCreationException.class);
        engine.appendEvents(ticketEvent(OTHER_TICKET, 0));

        assertThat(readAfter(engine, null)).extracting(event -> event.getPayload().toString())
                                           .containsExactly("event 0 of " + TICKET, "event 0 of " + OTHER_TICKET);
    }

    @Test
    void aggregateCanBeLoadedFromInsideACommitAfterASnapshot() {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(ticketEvents(TICKET, 0, 5));
        engine.storeSnapshot(ticketEvent(TICKET, 2));

        assertThat(engine.readSnapshot(TICKET)).hasValueSatisfying(
                snapshot -> assertThat(snapshot.getSequenceNumber()).isEqualTo(2));
        assertThat(engine.readEvents(TICKET, 3).asStream().map(event -> event.getSequenceNumber()))
                .containsExactly(3L, 4L);
    }

    @Test
    void longStreamIsLoadedAcrossManyProbeWindowsAndCommits() {
        MongoEventStorageEngine engine = engine();
        for (int commit = 0; commit < 30; commit++) {
            engine.appendEvents(ticketEvents(TICKET, commit * 3L, 3));
            engine.appendEvents(ticketEvent(OTHER_TICKET + "-" + commit, 0));
        }

        assertThat(sequenceNumbersOf(engine, TICKET)).hasSize(90).isSorted().startsWith(0L).endsWith(89L);
        assertThat(engine.lastSequenceNumberFor(TICKET)).hasValue(89L);
        assertThat(engine.lastSequenceNumberFor("unknown")).isEmpty();
    }

    @Test
    void headTokenSkipsStoredEventsAndTailTokenSeesThem() {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(ticketEvents(TICKET, 0, 3));
        TrackingToken head = engine.createHeadToken();
        engine.appendEvents(ticketEvent(TICKET, 3));

        assertThat(identifiersOf(readAfter(engine, head))).hasSize(1);
        assertThat(identifiersOf(readAfter(engine, engine.createTailToken()))).hasSize(4);
    }

    private static void leaveGapByLosingARace(MongoEventStorageEngine engine, String aggregateId, long sequence) {
        assertThatThrownBy(() -> engine.appendEvents(ticketEvent(aggregateId, sequence)))
                .isInstanceOfAny(ConcurrencyException.class, AggregateStreamCreationException.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
