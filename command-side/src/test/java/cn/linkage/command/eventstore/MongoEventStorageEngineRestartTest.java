package cn.linkage.command.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static cn.linkage.command.eventstore.StoredEvents.readAfter;
import static cn.linkage.command.eventstore.StoredEvents.sequenceNumbersOf;
import static cn.linkage.command.eventstore.StoredEvents.ticketEvent;
import static cn.linkage.command.eventstore.StoredEvents.ticketEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded deployment keeps its events in an H2 file; they, the counter and the keys survive a restart. */
class MongoEventStorageEngineRestartTest {

    private static final String TICKET = "ticket-1";

    @TempDir
    Path storeDirectory;

    @Test
    void storedEventsSurviveAServerRestart() {
        Path file = storeDirectory.resolve("events.mv");
        try (EmbeddedMongo beforeRestart = EmbeddedMongo.onH2File(file)) {
            MongoEventStorageEngine engine = engineOn(beforeRestart);
            engine.appendEvents(ticketEvents(TICKET, 0, 3));
            engine.storeSnapshot(ticketEvent(TICKET, 1));
        }

        try (EmbeddedMongo afterRestart = EmbeddedMongo.onH2File(file)) {
            MongoEventStorageEngine engine = engineOn(afterRestart);

            assertThat(sequenceNumbersOf(engine, TICKET)).containsExactly(0L, 1L, 2L);
            assertThat(engine.readSnapshot(TICKET)).isPresent();
            assertThatThrownBy(() -> engine.appendEvents(ticketEvent(TICKET, 2)))
                    .isInstanceOf(ConcurrencyException.class);
            engine.appendEvents(ticketEvent(TICKET, 3));
            // The conflicting append above reserved position 4, so the new event lands at 5.
            assertThat(readAfter(engine, null)).extracting(event -> ((GapAwareTrackingToken) event.trackingToken()).getIndex())
                                               .containsExactly(1L, 2L, 3L, 5L);
        }
    }

    private static MongoEventStorageEngine engineOn(EmbeddedMongo mongo) {
        return MongoEventStorageEngine.builder()
                                      .database(mongo.database("durable"))
                                      .eventSerializer(TestSerializers.jackson())
                                      .snapshotSerializer(TestSerializers.jackson())
                                      .build();
    }
}
