package cn.linkage.embedded;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: a write the store has answered is in its file, whatever happens to the process next. */
class DurableWritesTest {

    @TempDir
    Path directory;

    private MVStore store;
    private EmbeddedStoreBackend backend;
    private MongoServer server;
    private MongoClient client;

    private MongoCollection<Document> open(Durability durability) {
        store = EmbeddedStoreBackend.openFile(directory.resolve("store.mv"), 16, durability);
        backend = new EmbeddedStoreBackend(store, durability);
        server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 16);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        return client.getDatabase("linkage").getCollection("tickets");
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
        store.close();
    }

    @Test
    void anAnsweredInsertIsInTheFileTheMomentItIsAnswered() throws Exception {
        MongoCollection<Document> tickets = open(Durability.SYNCED);
        tickets.insertOne(new Document("_id", "T-1").append("state", "RECEIVED"));

        // A copy of the file taken right after the answer is what a crash at that moment leaves behind.
        assertThat(documentInCopyOfTheFile("T-1")).isNotNull().containsEntry("state", "RECEIVED");
    }

    @Test
    void anAnsweredUpdateAndCounterIncrementAreInTheFile() throws Exception {
        MongoCollection<Document> counters = open(Durability.SYNCED);
        for (int i = 0; i < 5; i++) {
            counters.findOneAndUpdate(eq("_id", "events"), new Document("$inc", new Document("value", 10L)),
                    new com.mongodb.client.model.FindOneAndUpdateOptions().upsert(true));
        }

        // The global position counter must never go back below a reservation it answered.
        assertThat(documentInCopyOfTheFile("events")).containsEntry("value", 50L);
    }

    @Test
    void concurrentWritersShareSyncsAndAllTheirWritesAreKept() throws Exception {
        MongoCollection<Document> tickets = open(Durability.SYNCED);
        int writers = 16;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    tickets.insertOne(new Document("_id", "T-" + writer + "-" + i));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(tickets.countDocuments()).isEqualTo(writers * each);
        assertThat(backend.syncCount()).as("group commit: fewer syncs than writes")
                .isLessThan((long) writers * each).isPositive();
    }

    @Test
    void readsDoNotSync() {
        MongoCollection<Document> tickets = open(Durability.SYNCED);
        tickets.insertOne(new Document("_id", "T-1"));
        long syncsAfterWrite = backend.syncCount();

        for (int i = 0; i < 20; i++) {
            tickets.find(eq("_id", "T-1")).first();
            tickets.countDocuments();
        }

        assertThat(backend.syncCount()).isEqualTo(syncsAfterWrite);
    }

    @Test
    void aWriteWithWriteConcernW1IsAnsweredBeforeItsSyncAndAMajorityReadSyncsIt() {
        MongoCollection<Document> tickets = open(Durability.SYNCED);
        MongoCollection<Document> derived = tickets.withWriteConcern(WriteConcern.W1);
        long before = backend.syncCount();
        // w:1 asks only that the write be applied; the flusher may still sync it within a second.
        derived.insertOne(new Document("_id", "V-1"));
        long afterW1 = backend.syncCount();

        tickets.withReadConcern(ReadConcern.MAJORITY).find(eq("_id", "V-1")).first();

        assertThat(afterW1 - before).isLessThanOrEqualTo(1);
        assertThat(backend.syncCount()).as("the majority read saw an unsynced write: it waits for a sync")
                .isGreaterThan(before);
    }

    @Test
    void aWriteWithWriteConcernW1ReachesTheDiskWithinTheFlushInterval() throws Exception {
        MongoCollection<Document> derived = open(Durability.SYNCED).withWriteConcern(WriteConcern.W1);
        derived.insertOne(new Document("_id", "V-1").append("count", 3));

        Thread.sleep(GroupCommit.FLUSH_EVERY_MILLIS * 3);

        assertThat(documentInCopyOfTheFile("V-1")).containsEntry("count", 3);
    }

    @Test
    void majorityWriteConcernWaitsForTheDisk() throws Exception {
        MongoCollection<Document> tickets = open(Durability.SYNCED).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        tickets.insertOne(new Document("_id", "T-9"));

        assertThat(documentInCopyOfTheFile("T-9")).isNotNull();
    }

    @Test
    void relaxedModeDoesNotSyncPerWrite() {
        MongoCollection<Document> tickets = open(Durability.RELAXED_FOR_BENCHMARKS_ONLY);
        for (int i = 0; i < 20; i++) {
            tickets.insertOne(new Document("_id", "T-" + i));
        }

        assertThat(backend.syncCount()).isZero();
        assertThat(tickets.countDocuments()).isEqualTo(20);
    }

    private Document documentInCopyOfTheFile(String id) throws Exception {
        Path copy = directory.resolve("copy.mv");
        Files.copy(directory.resolve("store.mv"), copy);
        MVStore copied = new MVStore.Builder().fileName(copy.toString()).open();
        MongoServer copyServer = new MongoServer(new EmbeddedStoreBackend(copied));
        copyServer.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        try (MongoClient copyClient = MongoClients.create("mongodb://127.0.0.1:" + copyServer.getLocalAddress().getPort())) {
            MongoCollection<Document> collection = copyClient.getDatabase("linkage")
                    .getCollection(client.getDatabase("linkage").listCollectionNames().first());
            return collection.find(eq("_id", id)).first();
        } finally {
            copyServer.shutdownNow();
            copied.close();
        }
    }
}
