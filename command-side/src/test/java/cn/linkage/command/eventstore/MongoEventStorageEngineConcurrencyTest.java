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
        AtomicInteger lostRaces = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);

        Future<List<TrackedEventMessage<?>>> reader = threads.submit(() -> follow(writing));
        List<Future<?>> writers = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            writers.add(threads.submit(() -> appendRacing(storedIdentifiers, lostRaces)));
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        writing.set(false);
        List<TrackedEventMessage<?>> seen = reader.get(60, TimeUnit.SECONDS);
        threads.shutdown();

        assertThat(lostRaces).as("the test must provoke conflicts, which leave gaps").hasPositiveValue();
        List<String> seenIdentifiers = seen.stream().map(EventMessage::getIdentifier).toList();
        assertThat(seenIdentifiers).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(storedIdentifiers);
        assertPerAggregateOrder(seen);
    }

    private void appendRacing(Set<String> storedIdentifiers, AtomicInteger lostRaces) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < APPENDS_PER_WRITER; i++) {
            List<EventMessage<?>> unitOfWork = new ArrayList<>();
            String ticket = "ticket-" + random.nextInt(AGGREGATES);
            long next = engine.lastSequenceNumberFor(ticket).map(last -> last + 1).orElse(0L);
            unitOfWork.addAll(ticketEvents(ticket, next, 1 + random.nextInt(3)));
            if (random.nextInt(4) == 0) {
                unitOfWork.add(GenericEventMessage.asEventMessage("plain event"));
            }
            try {
                engine.appendEvents(unitOfWork);
                unitOfWork.forEach(event -> storedIdentifiers.add(event.getIdentifier()));
            } catch (ConcurrencyException | AggregateStreamCreationException lost) {
                lostRaces.incrementAndGet();
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
