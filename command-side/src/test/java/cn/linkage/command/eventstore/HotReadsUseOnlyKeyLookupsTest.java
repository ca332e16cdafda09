package cn.linkage.command.eventstore;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static cn.linkage.command.eventstore.StoredEvents.readAfter;
import static cn.linkage.command.eventstore.StoredEvents.ticketEvent;
import static cn.linkage.command.eventstore.StoredEvents.ticketEvents;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On mongo-java-server only unique indexes exist and only exact or {@code $in} filters on them avoid a full scan,
 * so the hot reads are checked at the wire: every {@code find} they send must be of that shape.
 */
class HotReadsUseOnlyKeyLookupsTest {

    private final List<BsonDocument> findFilters = new CopyOnWriteArrayList<>();
    private EmbeddedMongo mongo;
    private MongoEventStorageEngine engine;

    @BeforeEach
    void start() {
        CommandListener recordFinds = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")) {
                    // The command is backed by a buffer the driver reuses once the callback returns.
                    findFilters.add(event.getCommand().getDocument("filter", new BsonDocument()).clone());
                }
            }
        };
        mongo = EmbeddedMongo.inMemoryObservedBy(recordFinds);
        engine = MongoEventStorageEngine.builder()
                                        .database(mongo.database("lookups"))
                                        .eventSerializer(TestSerializers.jackson())
                                        .snapshotSerializer(TestSerializers.jackson())
                                        .build();
        engine.appendEvents(ticketEvents("ticket-1", 0, 40));
        engine.appendEvents(ticketEvent("ticket-2", 0));
        engine.storeSnapshot(ticketEvent("ticket-1", 10));
        findFilters.clear();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aggregateLoadUsesOnlyKeyLookups() {
        engine.readEvents("ticket-1").asStream().count();
        engine.readEvents("ticket-1", 11).asStream().count();
        engine.lastSequenceNumberFor("ticket-1");
        engine.readSnapshot("ticket-1");

        assertThat(findFilters).isNotEmpty().allSatisfy(HotReadsUseOnlyKeyLookupsTest::assertKeyLookup);
    }

    @Test
    void trackingReadUsesOnlyKeyLookups() {
        readAfter(engine, null);
        readAfter(engine, engine.createHeadToken());

        assertThat(findFilters).isNotEmpty().allSatisfy(HotReadsUseOnlyKeyLookupsTest::assertKeyLookup);
    }

    private static void assertKeyLookup(BsonDocument filter) {
        assertThat(filter.keySet()).as(filter.toJson()).hasSize(1).containsAnyOf("_id", "streamKeys", "positions");
        var condition = filter.values().iterator().next();
        if (condition.isDocument()) {
            assertThat(condition.asDocument().keySet()).as(filter.toJson()).containsExactly("$in");
        }
    }
}
