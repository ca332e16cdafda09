package cn.linkage.embedded;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

/**
 * The documents and indexes of {@code store-format/release-0.1.mv}, a file written by this release's
 * embedded store. {@link #main} wrote it; {@link StoredFormatTest} proves a later release still reads it.
 * Every BSON type the hub stores appears, and keys of the kinds its unique indexes hold.
 */
final class FormatFixture {

    static final String FILE = "store-format/release-0.1.mv";
    static final int COMMITS = 300;

    private FormatFixture() {
    }

    static List<Document> commits() {
        List<Document> commits = new ArrayList<>();
        for (int i = 0; i < COMMITS; i++) {
            long first = 1 + 2L * i;
            commits.add(new Document("_id", first)
                    .append("positions", List.of(first, first + 1))
                    .append("streamKeys", List.of("T-" + i + ":0", "T-" + i + ":1"))
                    .append("storedAt", 1_764_000_000_000L + i)
                    .append("events", List.of(new Document("eventIdentifier", "e-" + i + "-0")
                                    .append("payload", new Binary(("{\"描述\":\"楼下有人打架 " + i + "\"}").getBytes(
                                            java.nio.charset.StandardCharsets.UTF_8)))
                                    .append("timestamp", "2026-11-29T05:29:56.210462211Z"),
                            new Document("eventIdentifier", "e-" + i + "-1").append("payload", new Binary(new byte[] {1, 2}))
                                    .append("hash", null))));
        }
        return commits;
    }

    static List<Document> views() {
        List<Document> views = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            views.add(new Document("_id", "620802|治安类|2026-12-0" + (i % 9 + 1) + "|" + i)
                    .append("count", i).append("share", i / 7.0).append("overdue", i % 2 == 0)
                    .append("at", Date.from(Instant.parse("2026-12-01T00:00:00Z").plusSeconds(i)))
                    .append("owner", new ObjectId(String.format("%024x", i + 1)))
                    .append("parties", List.of("12345", "110")).append("nested", new Document("unit", "城关派出所")));
        }
        return views;
    }

    static void write(MongoDatabase database) {
        database.getCollection("events").createIndex(Indexes.ascending("streamKeys"),
                new IndexOptions().unique(true).name("unique_stream_keys"));
        database.getCollection("events").createIndex(Indexes.ascending("positions"),
                new IndexOptions().unique(true).name("unique_positions"));
        database.getCollection("events").insertMany(commits());
        database.getCollection("counters").insertOne(new Document("_id", "events").append("value", 2L * COMMITS));
        database.getCollection("sv_hotspots_counts_v1").insertMany(views());
    }

    /** Writes the fixture file: {@code main <path>}. Run once per store format, never by the tests. */
    public static void main(String[] args) {
        try (StoreOnFile store = StoreOnFile.embeddedStore(Path.of(args[0]))) {
            write(store.database());
        }
    }
}
