package cn.linkage.command.eventstore;

import static cn.linkage.command.eventstore.StoredEvents.ticketEvents;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.command.eventstore.ChainReport.BrokenLink;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tamper cases, one edit at a time, made directly in the stored documents as an intruder with database access
 * would: every field the hash covers, the link to the predecessor, the global position, and a consistent
 * rewrite of a ticket's chain (which only a sealed checkpoint notices). Each must be named by verification.
 */
class TamperEvidenceTest {

    /** What an event entry stores besides its hash fields; every one of them must be covered by the hash. */
    private static final Map<String, UnaryOperator<Object>> HASHED_FIELDS = Map.of(
            EventEntryCodec.EVENT_IDENTIFIER, v -> v + "-forged",
            EventEntryCodec.AGGREGATE_IDENTIFIER, v -> v + "-forged",
            EventEntryCodec.SEQUENCE_NUMBER, v -> ((Number) v).longValue() + 40,
            EventEntryCodec.TYPE, v -> "Forged" + v,
            // Backdated by one second, as someone hiding a missed deadline would.
            EventEntryCodec.TIMESTAMP, v -> Instant.parse((String) v).minusSeconds(1).toString(),
            EventEntryCodec.PAYLOAD_TYPE, v -> "java.lang.Object",
            EventEntryCodec.PAYLOAD_REVISION, v -> v == null ? "2" : v + ".1",
            EventEntryCodec.PAYLOAD, v -> new Binary("\"edited after the fact\"".getBytes(StandardCharsets.UTF_8)),
            EventEntryCodec.META_DATA, v -> new Binary("{\"traceId\":\"forged\"}".getBytes(StandardCharsets.UTF_8)));

    private final MutableClock clock = new MutableClock();
    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private MongoEventStorageEngine engine;
    private ChainCheckpoints checkpoints;
    private ChainVerifier verifier;

    @BeforeEach
    void setUp() {
        mongo = EmbeddedMongo.inMemory();
        database = mongo.database("tamper");
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

    /** T-1's events 0, 1, 2 in commits at global positions 1, 2, 3. */
    private void storeThreeStepsOfT1() {
        engine.appendEvents(ticketEvents("T-1", 0, 1));
        engine.appendEvents(ticketEvents("T-1", 1, 1));
        engine.appendEvents(ticketEvents("T-1", 2, 1));
        assertThat(verifier.verifyStore().intact()).as("untouched").isTrue();
    }

    static Stream<Arguments> hashedFields() {
        return HASHED_FIELDS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void theHashedFieldsAreEverythingAStoredEventHolds() {
        storeThreeStepsOfT1();
        Set<String> stored = eventAt("T-1", 1).keySet();
        List<String> expected = new ArrayList<>(HASHED_FIELDS.keySet());
        expected.addAll(List.of(EventHashChain.HASH, EventHashChain.PREVIOUS_HASH));
        assertThat(stored).as("a field added to the stored event must be hashed and get a tamper case here")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hashedFields")
    void everyHashedFieldEditedInTheStoreIsNamedAsAltered(String field, UnaryOperator<Object> tamper) {
        storeThreeStepsOfT1();
        Object original = eventAt("T-1", 1).get(field);
        Object forged = tamper.apply(original);
        assertThat(forged).isNotEqualTo(original);

        commits().updateOne(Filters.eq(CommitDocument.ID, 2L), Updates.set("events.0." + field, forged));

        ChainReport report = verifier.verifyStore();
        assertThat(report.intact()).isFalse();
        assertThat(report.brokenLinks()).as(field).anySatisfy(link -> {
            assertThat(link.problem()).isEqualTo("EVENT_ALTERED");
            assertThat(link.globalPosition()).isEqualTo(2);
        });
    }

    @Test
    void backdatedEventTimestampIsNamedByTicketVerification() {
        storeThreeStepsOfT1();
        String stored = eventAt("T-1", 1).getString(EventEntryCodec.TIMESTAMP);
        commits().updateOne(Filters.eq(CommitDocument.ID, 2L), Updates.set("events.0." + EventEntryCodec.TIMESTAMP,
                Instant.parse(stored).minus(Duration.ofHours(3)).toString()));

        ChainReport report = verifier.verifyAggregate("T-1");

        assertThat(report.intact()).isFalse();
        assertThat(report.brokenLinks()).singleElement().satisfies(link -> {
            assertThat(link.problem()).isEqualTo("EVENT_ALTERED");
            assertThat(link.sequence()).isEqualTo(1);
            assertThat(link.globalPosition()).isEqualTo(2);
        });
    }

    @Test
    void forgedPredecessorLinkWithAMatchingOwnHashIsNamedAsChainBroken() {
        storeThreeStepsOfT1();
        Document second = eventAt("T-1", 1);
        String forgedPrevious = EventHashChain.sha256("not the first event");
        commits().updateOne(Filters.eq(CommitDocument.ID, 2L), Updates.combine(
                Updates.set("events.0." + EventHashChain.PREVIOUS_HASH, forgedPrevious),
                Updates.set("events.0." + EventHashChain.HASH, EventHashChain.hash(forgedPrevious, second))));

        ChainReport report = verifier.verifyAggregate("T-1");

        assertThat(report.brokenLinks()).extracting(BrokenLink::problem, BrokenLink::sequence)
                .as("its own hash matches its content: only the link to event 0 is wrong, and event 2's link to it")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CHAIN_BROKEN", 1L),
                        org.assertj.core.groups.Tuple.tuple("CHAIN_BROKEN", 2L));
    }

    @Test
    void eventRewrittenWithItsHashRecomputedBreaksItsSuccessorsLink() {
        storeThreeStepsOfT1();
        Document second = eventAt("T-1", 1);
        second.put(EventEntryCodec.PAYLOAD, new Binary("\"rewritten\"".getBytes(StandardCharsets.UTF_8)));
        commits().updateOne(Filters.eq(CommitDocument.ID, 2L), Updates.combine(
                Updates.set("events.0." + EventEntryCodec.PAYLOAD, second.get(EventEntryCodec.PAYLOAD)),
                Updates.set("events.0." + EventHashChain.HASH,
                        EventHashChain.hash(second.getString(EventHashChain.PREVIOUS_HASH), second))));

        ChainReport report = verifier.verifyAggregate("T-1");

        assertThat(report.brokenLinks()).singleElement().satisfies(link -> {
            assertThat(link.problem()).isEqualTo("CHAIN_BROKEN");
            assertThat(link.sequence()).isEqualTo(2);
            assertThat(link.globalPosition()).isEqualTo(3);
        });
    }

    @Test
    void commitsSwappedBetweenPositionsAreNoticedAgainstTheSealedCheckpoint() {
        engine.appendEvents(ticketEvents("T-1", 0, 1)); // position 1
        engine.appendEvents(ticketEvents("T-2", 0, 1)); // position 2
        engine.appendEvents(ticketEvents("T-3", 0, 6)); // positions 3-8
        clock.advance(Duration.ofSeconds(11));
        assertThat(checkpoints.sealReady()).as("positions 1-4 are settled; 5-8 waits for a commit beyond it").isEqualTo(1);

        // Reorder history: T-2's step now reads as having happened before T-1's. Each ticket's chain is intact.
        Document atOne = commits().find(Filters.eq(CommitDocument.ID, 1L)).first();
        Document atTwo = commits().find(Filters.eq(CommitDocument.ID, 2L)).first();
        commits().updateOne(Filters.eq(CommitDocument.ID, 1L), Updates.set(CommitDocument.STREAM_KEYS, List.of("moving")));
        commits().updateOne(Filters.eq(CommitDocument.ID, 2L), Updates.combine(
                Updates.set(CommitDocument.EVENTS, atOne.get(CommitDocument.EVENTS)),
                Updates.set(CommitDocument.STREAM_KEYS, atOne.get(CommitDocument.STREAM_KEYS))));
        commits().updateOne(Filters.eq(CommitDocument.ID, 1L), Updates.combine(
                Updates.set(CommitDocument.EVENTS, atTwo.get(CommitDocument.EVENTS)),
                Updates.set(CommitDocument.STREAM_KEYS, atTwo.get(CommitDocument.STREAM_KEYS))));
        assertThat(verifier.verifyAggregate("T-1").intact()).isTrue();
        assertThat(verifier.verifyAggregate("T-2").intact()).isTrue();

        ChainReport report = verifier.verifyStore();

        assertThat(report.brokenLinks()).extracting(BrokenLink::problem, BrokenLink::globalPosition)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("CHECKPOINT_MISMATCH", 1L),
                        org.assertj.core.groups.Tuple.tuple("CHECKPOINT_MISMATCH", 2L));
    }

    @Test
    void consistentRewriteOfATicketsChainIsNoticedAgainstTheSealedCheckpoint() {
        storeThreeStepsOfT1();
        engine.appendEvents(ticketEvents("T-2", 0, 6)); // positions 4-9, so 1-4 and 5-8 can be sealed
        clock.advance(Duration.ofSeconds(11));
        assertThat(checkpoints.sealReady()).isEqualTo(2);

        // Rewrite event 1 and recompute every hash after it, as someone with the hashing code would.
        Document second = eventAt("T-1", 1);
        second.put(EventEntryCodec.PAYLOAD, new Binary("\"rewritten\"".getBytes(StandardCharsets.UTF_8)));
        String secondHash = EventHashChain.hash(second.getString(EventHashChain.PREVIOUS_HASH), second);
        Document third = eventAt("T-1", 2);
        String thirdHash = EventHashChain.hash(secondHash, third);
        commits().updateOne(Filters.eq(CommitDocument.ID, 2L), Updates.combine(
                Updates.set("events.0." + EventEntryCodec.PAYLOAD, second.get(EventEntryCodec.PAYLOAD)),
                Updates.set("events.0." + EventHashChain.HASH, secondHash)));
        commits().updateOne(Filters.eq(CommitDocument.ID, 3L), Updates.combine(
                Updates.set("events.0." + EventHashChain.PREVIOUS_HASH, secondHash),
                Updates.set("events.0." + EventHashChain.HASH, thirdHash)));
        assertThat(verifier.verifyAggregate("T-1").intact())
                .as("a consistent rewrite passes the ticket's own chain (the keyed chain is the identity issue's)")
                .isTrue();

        ChainReport report = verifier.verifyStore();

        assertThat(report.brokenLinks()).extracting(BrokenLink::problem, BrokenLink::globalPosition)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("CHECKPOINT_MISMATCH", 2L),
                        org.assertj.core.groups.Tuple.tuple("CHECKPOINT_MISMATCH", 3L));
    }

    @Test
    void checkpointRewrittenToMatchATamperedCommitIsNamedAsRewritten() {
        storeThreeStepsOfT1();
        engine.appendEvents(ticketEvents("T-2", 0, 6)); // positions 4-9
        clock.advance(Duration.ofSeconds(11));
        assertThat(checkpoints.sealReady()).isEqualTo(2);

        // Edit event 1 and write its new hash into the checkpoint too, as an intruder covering tracks would.
        commits().updateOne(Filters.eq(CommitDocument.ID, 2L), Updates.set("events.0." + EventEntryCodec.PAYLOAD,
                new Binary("\"rewritten\"".getBytes(StandardCharsets.UTF_8))));
        Document second = eventAt("T-1", 1);
        String newHash = EventHashChain.hash(second.getString(EventHashChain.PREVIOUS_HASH), second);
        commits().updateOne(Filters.eq(CommitDocument.ID, 2L), Updates.set("events.0." + EventHashChain.HASH, newHash));
        database.getCollection(ChainCheckpoints.COLLECTION).updateOne(Filters.eq("_id", 1L),
                Updates.set("commits.1.hashes", List.of(newHash)));

        ChainReport report = verifier.verifyStore();

        assertThat(report.brokenLinks()).extracting(BrokenLink::problem, BrokenLink::globalPosition)
                .contains(org.assertj.core.groups.Tuple.tuple("CHECKPOINT_MISMATCH", 1L));
        assertThat(report.brokenLinks()).anySatisfy(link ->
                assertThat(link.description()).contains("checkpoint 1 itself was rewritten"));
    }

    @Test
    void sealedCheckpointsNameTheirRangeAndChainTheirDigests() {
        storeThreeStepsOfT1();
        engine.appendEvents(ticketEvents("T-2", 0, 6)); // positions 4-9
        clock.advance(Duration.ofSeconds(11));
        assertThat(checkpoints.sealReady()).isEqualTo(2);

        MongoCollection<Document> sealed = database.getCollection(ChainCheckpoints.COLLECTION);
        Document first = sealed.find(Filters.eq("_id", 1L)).first();
        Document second = sealed.find(Filters.eq("_id", 2L)).first();
        assertThat(first.getLong("from")).isEqualTo(1);
        assertThat(first.getLong("to")).isEqualTo(4);
        assertThat(second.getLong("from")).isEqualTo(5);
        assertThat(second.getLong("to")).isEqualTo(8);
        assertThat(first.getString("previousDigest")).isEmpty();
        assertThat(second.getString("previousDigest")).isEqualTo(first.getString("digest"));
        assertThat(first.getString("digest")).hasSize(64).isNotEqualTo(second.getString("digest"));
        assertThat(first.getList("commits", Document.class)).extracting(c -> c.getLong("position"))
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(checkpoints.sealReady()).as("nothing more is settled").isZero();
    }

    @Test
    void theStoredHashOfEachEventIsReadForTheAuditHistory() {
        storeThreeStepsOfT1();
        assertThat(verifier.hashesOf("T-1")).containsOnly(
                Map.entry(0L, eventAt("T-1", 0).getString(EventHashChain.HASH)),
                Map.entry(1L, eventAt("T-1", 1).getString(EventHashChain.HASH)),
                Map.entry(2L, eventAt("T-1", 2).getString(EventHashChain.HASH)));
    }

    @Test
    void storeVerificationCountsEveryStoredEventExactly() {
        storeThreeStepsOfT1();
        engine.appendEvents(ticketEvents("T-2", 0, 4));
        assertThat(verifier.verifyStore().eventsChecked()).isEqualTo(7);
        assertThat(verifier.verifyAggregate("T-2").eventsChecked()).isEqualTo(4);
    }

    @Test
    void aStoreOfOneEventIsVerifiedToo() {
        engine.appendEvents(ticketEvents("T-1", 0, 1));
        assertThat(verifier.verifyStore().eventsChecked()).isEqualTo(1);
        commits().updateOne(Filters.eq(CommitDocument.ID, 1L), Updates.set("events.0." + EventEntryCodec.PAYLOAD,
                new Binary("\"edited\"".getBytes(StandardCharsets.UTF_8))));
        assertThat(verifier.verifyStore().intact()).isFalse();
    }

    private MongoCollection<Document> commits() {
        return database.getCollection("events");
    }

    private Document eventAt(String aggregate, long sequence) {
        Document commit = commits().find(Filters.eq(CommitDocument.STREAM_KEYS, CommitDocument.streamKey(aggregate, sequence)))
                .first();
        return CommitDocument.eventsOf(commit).stream()
                .filter(e -> EventEntryCodec.sequenceNumberOf(e) == sequence).findFirst().orElseThrow();
    }
}
