package cn.linkage.command.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.linkage.command.eventstore.StoredEvents.lastTokenOf;
import static cn.linkage.command.eventstore.StoredEvents.readAfter;
import static cn.linkage.command.eventstore.StoredEvents.sequenceNumbersOf;
import static cn.linkage.command.eventstore.StoredEvents.ticketEvents;
import static org.assertj.core.api.Assertions.assertThat;

/** Many writers racing on shared aggregates while a streaming reader follows the store. */
class MongoEventStorageEngineConcurrencyTest {

    private static final int WRITERS = 6;
    private static final int APPENDS_PER_WRITER = 60;
    private static final int AGGREGATES = 8;

    private EmbeddedMongo mongo;
    private MongoEventStorageEngine engine;

    @BeforeEach
    void start() {
        mongo = openMongo();
        engine = MongoEventStorageEngine.builder()
                                        .database(mongo.database("concurrency"))
                                        .eventSerializer(TestSerializers.jackson())
                                        .snapshotSerializer(TestSerializers.jackson())
                                        .batchSize(7)
                                        .build();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    protected EmbeddedMongo openMongo() {
        return EmbeddedMongo.inMemory();
    }

    @Test
    void trackingReaderSeesEveryEventExactlyOnceDespiteGaps() throws Exception {
        Set<String> storedIdentifiers = ConcurrentHashMap.newKeySet();
        Set<String> refusedIdentifiers = ConcurrentHashMap.newKeySet();
        Map<String, Set<Long>> refusedSlots = new ConcurrentHashMap<>();
        // One conflict made on purpose, so the reader meets at least one gap whatever the scheduler does.
        engine.appendEvents(ticketEvents("ticket-0", 0, 2));
        List<DomainEventMessage<?>> late = ticketEvents("ticket-0", 1, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.appendEvents(late))
                .as("a second writer of ticket-0's event 1").isInstanceOf(ConcurrencyException.class);
        refusedIdentifiers.add(late.get(0).getIdentifier());
        engine.readEvents("ticket-0").asStream().forEach(e -> storedIdentifiers.add(e.getIdentifier()));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);

        Future<List<TrackedEventMessage<?>>> reader = threads.submit(() -> follow(writing));
        List<Future<?>> writers = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            writers.add(threads.submit(() -> appendRacing(storedIdentifiers, refusedIdentifiers, refusedSlots)));
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        writing.set(false);
        List<TrackedEventMessage<?>> seen = reader.get(60, TimeUnit.SECONDS);
        threads.shutdown();

        // Outcomes, whether or not the scheduler made the writers collide: nothing lost, nothing twice, and a
        // refused append stored nothing and was refused only because its slot really was taken.
        List<String> seenIdentifiers = seen.stream().map(EventMessage::getIdentifier).toList();
        assertThat(seenIdentifiers).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(storedIdentifiers);
        assertThat(seenIdentifiers).as("a refused append stores nothing").doesNotContainAnyElementsOf(refusedIdentifiers);
        assertThat(storedIdentifiers.size() + refusedIdentifiers.size()).as("every append either stored or refused")
                .isEqualTo(appendedEvents.get() + 3);
        refusedSlots.forEach((ticket, sequences) -> assertThat(sequenceNumbersOf(engine, ticket))
                .as("%s: refused only where another writer stored first", ticket).containsAll(sequences));
        assertPerAggregateOrder(seen);
    }

    private final AtomicInteger appendedEvents = new AtomicInteger();

    private void appendRacing(Set<String> storedIdentifiers, Set<String> refusedIdentifiers,
                              Map<String, Set<Long>> refusedSlots) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < APPENDS_PER_WRITER; i++) {
            List<EventMessage<?>> unitOfWork = new ArrayList<>();
            String ticket = "ticket-" + random.nextInt(AGGREGATES);
            long next = engine.lastSequenceNumberFor(ticket).map(last -> last + 1).orElse(0L);
            unitOfWork.addAll(ticketEvents(ticket, next, 1 + random.nextInt(3)));
            if (random.nextInt(4) == 0) {
                unitOfWork.add(GenericEventMessage.asEventMessage("plain event"));
            }
            appendedEvents.addAndGet(unitOfWork.size());
            try {
                engine.appendEvents(unitOfWork);
                unitOfWork.forEach(event -> storedIdentifiers.add(event.getIdentifier()));
            } catch (ConcurrencyException | AggregateStreamCreationException lost) {
                unitOfWork.forEach(event -> refusedIdentifiers.add(event.getIdentifier()));
                refusedSlots.computeIfAbsent(ticket, t -> ConcurrentHashMap.newKeySet()).add(next);
            }
        }
    }

    /** Polls like a streaming processor until writers are done and one more poll finds nothing new. */
    private List<TrackedEventMessage<?>> follow(AtomicBoolean writing) {
        List<TrackedEventMessage<?>> seen = new ArrayList<>();
        TrackingToken token = null;
        boolean finalPollDone = false;
        while (!finalPollDone) {
            boolean writersDone = !writing.get();
            List<TrackedEventMessage<?>> batch = readAfter(engine, token);
            seen.addAll(batch);
            token = lastTokenOf(batch, token);
            finalPollDone = writersDone && batch.isEmpty();
        }
        return seen;
    }

    private static void assertPerAggregateOrder(List<TrackedEventMessage<?>> seen) {
        Map<String, List<Long>> sequencesByAggregate = new HashMap<>();
        for (TrackedEventMessage<?> event : seen) {
            if (event instanceof DomainEventMessage<?> domainEvent) {
                sequencesByAggregate.computeIfAbsent(domainEvent.getAggregateIdentifier(), id -> new ArrayList<>())
                                    .add(domainEvent.getSequenceNumber());
            }
        }
        sequencesByAggregate.forEach((aggregate, sequences) -> {
            List<Long> expected = new ArrayList<>();
            for (long sequence = 0; sequence < sequences.size(); sequence++) {
                expected.add(sequence);
            }
            assertThat(sequences).as(aggregate).isEqualTo(Collections.unmodifiableList(expected));
        });
    }
}
