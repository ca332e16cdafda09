package cn.linkage.embedded;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a store file written by release 0.1 opens in this release, every document is found by each
 * of its keys, and its unique indexes still refuse duplicates. A change of H2 or of the stored form
 * that breaks old files fails here.
 */
class StoredFormatTest {

    @TempDir
    Path directory;

    @Test
    void aFileWrittenByRelease01FindsEveryDocumentByEveryKey() throws Exception {
        try (StoreOnFile store = StoreOnFile.embeddedStore(copyOfFixture())) {
            MongoDatabase database = store.database();
            MongoCollection<Document> events = database.getCollection("events");
            for (Document commit : FormatFixture.commits()) {
                assertThat(events.find(eq("_id", commit.get("_id"))).first()).isEqualTo(commit);
                for (Object key : commit.getList("streamKeys", String.class)) {
                    assertThat(events.find(in("streamKeys", key)).first()).as("%s", key).isEqualTo(commit);
                }
                for (Object position : commit.getList("positions", Long.class)) {
                    assertThat(events.find(in("positions", position)).first()).as("%s", position).isEqualTo(commit);
                }
            }
            MongoCollection<Document> views = database.getCollection("sv_hotspots_counts_v1");
            for (Document view : FormatFixture.views()) {
                assertThat(views.find(eq("_id", view.get("_id"))).first()).isEqualTo(view);
            }
            assertThat(database.getCollection("counters").find(eq("_id", "events")).first())
                    .containsEntry("value", 2L * FormatFixture.COMMITS);
            assertThat(events.countDocuments()).isEqualTo(FormatFixture.COMMITS);
        }
    }

    @Test
    void itsUniqueIndexesStillRefuseADuplicateKey() throws Exception {
        try (StoreOnFile store = StoreOnFile.embeddedStore(copyOfFixture())) {
            MongoCollection<Document> events = store.database().getCollection("events");
            Document clash = new Document("_id", 100_000L).append("positions", List.of(100_000L))
                    .append("streamKeys", List.of("T-7:1"));

            assertThatThrownBy(() -> events.insertOne(clash)).isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
        }
    }

    private Path copyOfFixture() throws Exception {
        Path copy = directory.resolve("store.mv");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(FormatFixture.FILE)) {
            assertThat(in).as("fixture " + FormatFixture.FILE).isNotNull();
            Files.copy(in, copy);
        }
        return copy;
    }
}
