package cn.linkage.command.eventstore;

import static cn.linkage.command.eventstore.StoredEvents.ticketEvents;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tamper evidence: edits and removals made directly in MongoDB are named by verification. */
class HashChainTest {

    private final MutableClock clock = new MutableClock();
    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private MongoEventStorageEngine engine;
    private ChainCheckpoints checkpoints;
    private ChainVerifier verifier;

    @BeforeEach
    void setUp() {
        mongo = EmbeddedMongo.inMemory();
        database = mongo.database("chain");
        MongoEventStoreSettings settings = MongoEventStoreSettings.defaults().withClock(clock)
                .withGapTimeout(Duration.ofSeconds(10));
        engine = MongoEventStorageEngine.builder().database(database).settings(settings)
                .snapshotSerializer(TestSerializers.jackson()).eventSerializer(TestSerializers.jackson()).build();
        checkpoints = new ChainCheckpoints(database, settings, 4);
        verifier = new ChainVerifier(database, settings, checkpoints);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void everyStoredEventCarriesAHashLinkedToItsPredecessor() {
        engine.appendEvents(ticketEvents("T-1", 0, 2));
        engine.appendEvents(ticketEvents("T-1", 2, 1));

        Document first = eventAt("T-1", 0);
        Document third = eventAt("T-1", 2);
        assertThat(first.getString("previousHash")).isEmpty();
        assertThat(eventAt("T-1", 1).getString("previousHash")).isEqualTo(first.getString("hash"));
        assertThat(third.getString("previousHash")).as("links across commits")
                .isEqualTo(eventAt("T-1", 1).getString("hash"));
        assertThat(verifier.verifyAggregate("T-1").intact()).isTrue();
    }

    @Test
    void eventEditedInMongoIsNamedByTicketVerification() {
        engine.appendEvents(ticketEvents("T-1", 0, 1));
        engine.appendEvents(ticketEvents("T-1", 1, 1));
        engine.appendEvents(ticketEvents("T-1", 2, 1));

        events().updateOne(Filters.eq("streamKeys", CommitDocument.streamKey("T-1", 1)),
                Updates.set("events.0.payload", new Binary("\"edited after the fact\"".getBytes())));

        ChainReport report = verifier.verifyAggregate("T-1");
        assertThat(report.intact()).isFalse();
        assertThat(report.brokenLinks().get(0)).satisfies(link -> {
            assertThat(link.problem()).isEqualTo("EVENT_ALTERED");
            assertThat(link.aggregateId()).isEqualTo("T-1");
            assertThat(link.sequence()).isEqualTo(1);
        });
    }

    @Test
    void eventDeletedInMongoIsNamedByTicketVerification() {
        engine.appendEvents(ticketEvents("T-1", 0, 1));
        engine.appendEvents(ticketEvents("T-1", 1, 1));
        engine.appendEvents(ticketEvents("T-1", 2, 1));

        events().deleteOne(Filters.eq("streamKeys", CommitDocument.streamKey("T-1", 1)));

        ChainReport report = verifier.verifyAggregate("T-1");
        assertThat(report.brokenLinks()).extracting(ChainReport.BrokenLink::problem).first().isEqualTo("EVENT_MISSING");
        assertThat(report.brokenLinks().get(0).sequence()).isEqualTo(1);
    }

    @Test
    void ticketRemovedWholeIsNoticedAgainstTheSealedCheckpoints() {
        for (int t = 1; t <= 6; t++) {
            engine.appendEvents(ticketEvents("T-" + t, 0, 2));
        }
        engine.appendEvents(ticketEvents("T-7", 0, 1));
        clock.advance(Duration.ofSeconds(11));
        assertThat(checkpoints.sealReady()).as("positions 1-12 are settled").isEqualTo(3);
        assertThat(verifier.verifyStore().intact()).isTrue();

        events().deleteMany(Filters.eq("events.aggregateIdentifier", "T-3"));

        ChainReport report = verifier.verifyStore();
        assertThat(report.intact()).isFalse();
        assertThat(report.brokenLinks()).anySatisfy(link -> {
            assertThat(link.problem()).isEqualTo("EVENT_MISSING");
            assertThat(link.aggregateId()).isEqualTo("T-3");
        });
    }

    @Test
    void rangeIsNotSealedWhileAWriteIntoItCouldStillArrive() {
        engine.appendEvents(ticketEvents("T-1", 0, 5));
        assertThat(checkpoints.sealReady()).isZero();
    }

    private MongoCollection<Document> events() {
        return database.getCollection("events");
    }

    private Document eventAt(String aggregate, long sequence) {
        Document commit = events().find(Filters.eq("streamKeys", CommitDocument.streamKey(aggregate, sequence))).first();
        return CommitDocument.eventsOf(commit).stream()
                .filter(e -> EventEntryCodec.sequenceNumberOf(e) == sequence).findFirst().orElseThrow();
    }
}
