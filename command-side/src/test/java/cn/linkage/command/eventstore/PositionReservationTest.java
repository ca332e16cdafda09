package cn.linkage.command.eventstore;

import static cn.linkage.command.eventstore.StoredEvents.ticketEvents;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * mongo-java-server may hand two concurrent reservations the same positions (its findOneAndUpdate
 * returns another client's value under load). Appends to different aggregates must still all succeed.
 */
class PositionReservationTest {

    @Test
    void concurrentAppendsToDistinctAggregatesNeverConflict() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory()) {
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(mongo.database("reserve"))
                    .settings(MongoEventStoreSettings.defaults()).snapshotSerializer(TestSerializers.jackson())
                    .eventSerializer(TestSerializers.jackson()).build();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        engine.appendEvents(ticketEvents("W" + writer + "-" + i, 0, 2));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(); // fails the test with the writer's exception, e.g. a spurious conflict
            }
            pool.shutdown();

            assertThat(StoredEvents.readAfter(engine, null)).hasSize(8 * 250 * 2);
        }
    }
}
