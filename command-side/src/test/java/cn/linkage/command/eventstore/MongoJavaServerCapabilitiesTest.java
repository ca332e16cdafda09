package cn.linkage.command.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pins down the embedded server behaviour the engine's design rests on: unique indexes over array
 * fields (multikey) must reject a key held by another document and must answer {@code $in} without
 * scanning the collection.
 */
class MongoJavaServerCapabilitiesTest {

    private EmbeddedMongo mongo;
    private MongoCollection<Document> commits;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        commits = mongo.database("capabilities").getCollection("commits");
        commits.createIndex(Indexes.ascending("keys"), new IndexOptions().unique(true));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void uniqueArrayIndexRejectsAKeyHeldByAnotherDocument() {
        commits.insertOne(new Document("_id", 1L).append("keys", List.of("a:0", "a:1")));

        assertThatThrownBy(() -> commits.insertOne(new Document("_id", 2L).append("keys", List.of("b:0", "a:1"))))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    @Test
    void inLookupOnUniqueArrayIndexFindsTheDocumentHoldingAnyKey() {
        commits.insertOne(new Document("_id", 1L).append("keys", List.of("a:0", "a:1", "a:2")));

        assertThat(commits.find(Filters.in("keys", "a:2", "a:7")).first()).extracting(d -> d.get("_id")).isEqualTo(1L);
    }

    /** Real MongoDB returns such a document once; readers therefore deduplicate by {@code _id}. */
    @Test
    void inLookupMatchingSeveralKeysOfOneDocumentReturnsItOncePerKey() {
        commits.insertOne(new Document("_id", 1L).append("keys", List.of("a:0", "a:1", "a:2")));

        assertThat(commits.find(Filters.in("keys", "a:0", "a:1")).into(new ArrayList<>())).hasSize(2);
    }

    @Test
    void inLookupOnUniqueArrayIndexDoesNotScan() {
        int documents = 20_000;
        List<Document> batch = new ArrayList<>();
        IntStream.range(0, documents).forEach(i -> batch.add(new Document("_id", (long) i)
                .append("keys", List.of("k" + i + ":0", "k" + i + ":1")).append("plain", "p" + i)));
        commits.insertMany(batch);

        long indexed = timeOf(() -> commits.find(Filters.in("keys", "k19999:1", "k5:0")).into(new ArrayList<>()));
        long scanned = timeOf(() -> commits.find(Filters.in("plain", "p19999", "p5")).into(new ArrayList<>()));

        assertThat(indexed).as("indexed %d ns vs scan %d ns", indexed, scanned).isLessThan(scanned / 5);
    }

    private static long timeOf(Runnable query) {
        query.run();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            query.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
