package cn.linkage.embedded;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decision 0007: derived data lives in a file of its own, so its commits do not weigh on the record's. */
class DerivedDatabaseFileTest {

    @TempDir
    Path directory;

    @Test
    void theDerivedDatabaseIsKeptInItsOwnFileAndBothSurviveAReopen() {
        try (Opened store = new Opened(directory)) {
            store.client.getDatabase("linkage").getCollection("events").insertOne(new Document("_id", 1L));
            store.client.getDatabase("linkage_derived").getCollection("sv_board_tickets_v1")
                    .withWriteConcern(WriteConcern.W1).insertOne(new Document("_id", "T-1").append("state", "CLOSED"));
            assertThat(store.record.getMapNames()).noneMatch(name -> name.contains("linkage_derived"));
            assertThat(store.derived.getMapNames()).anyMatch(name -> name.contains("linkage_derived.sv_board_tickets_v1"));
        }
        try (Opened reopened = new Opened(directory)) {
            assertThat(reopened.client.getDatabase("linkage").getCollection("events").find(eq("_id", 1L)).first())
                    .isNotNull();
            assertThat(reopened.client.getDatabase("linkage_derived").getCollection("sv_board_tickets_v1")
                    .find(eq("_id", "T-1")).first()).containsEntry("state", "CLOSED");
        }
    }

    @Test
    void aDerivedWriteDoesNotSyncTheRecord() {
        try (Opened store = new Opened(directory)) {
            long before = store.backend.syncCount();
            for (int i = 0; i < 20; i++) {
                store.client.getDatabase("linkage_derived").getCollection("trackingtokens")
                        .withWriteConcern(WriteConcern.W1).insertOne(new Document("_id", "segment-" + i));
            }
            assertThat(store.backend.syncCount()).isEqualTo(before);
        }
    }

    private static final class Opened implements AutoCloseable {
        final MVStore record;
        final MVStore derived;
        final EmbeddedStoreBackend backend;
        final MongoServer server;
        final MongoClient client;

        Opened(Path directory) {
            record = EmbeddedStoreBackend.openFile(directory.resolve("record.mv"), 16, Durability.SYNCED);
            derived = EmbeddedStoreBackend.openFile(directory.resolve("derived.mv"), 16, Durability.SYNCED);
            backend = new EmbeddedStoreBackend(record, derived, "linkage_derived", Durability.SYNCED);
            server = new MongoServer(backend);
            server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 4);
            client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }
}
