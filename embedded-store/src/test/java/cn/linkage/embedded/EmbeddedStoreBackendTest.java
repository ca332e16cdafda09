package cn.linkage.embedded;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreBackendTest {

    @TempDir
    Path directory;

    @Test
    void findsByIdAndRejectsADuplicateIdAfterAReopen() {
        Path file = directory.resolve("store.mv");
        try (StoreOnFile store = StoreOnFile.embeddedStore(file)) {
            store.database().getCollection("tickets").insertMany(tickets(2_000));
        }
        try (StoreOnFile store = StoreOnFile.embeddedStore(file)) {
            MongoCollection<Document> tickets = store.database().getCollection("tickets");
            assertThat(tickets.find(eq("_id", "T-1234")).first()).containsEntry("n", 1234);
            assertThatThrownBy(() -> tickets.insertOne(new Document("_id", "T-1234")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(tickets.countDocuments()).isEqualTo(2_000);
        }
    }

    @Test
    void aUniqueIndexOnAFieldRejectsASecondDocumentWithTheSameValue() {
        try (StoreOnFile store = StoreOnFile.embeddedStore(directory.resolve("store.mv"))) {
            MongoCollection<Document> events = store.database().getCollection("events");
            events.createIndex(Indexes.ascending("aggregate", "sequence"), new IndexOptions().unique(true));
            events.insertOne(new Document("aggregate", "T-1").append("sequence", 0L));
            events.insertOne(new Document("aggregate", "T-1").append("sequence", 1L));

            assertThatThrownBy(() -> events.insertOne(new Document("aggregate", "T-1").append("sequence", 1L)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(events.find(new Document("aggregate", "T-1").append("sequence", 1L)).first()).isNotNull();
        }
    }

    @Test
    void numbersOfDifferentTypesWithTheSameValueAreOneKeyAsInMongoDb() {
        try (StoreOnFile store = StoreOnFile.embeddedStore(directory.resolve("store.mv"))) {
            MongoCollection<Document> positions = store.database().getCollection("positions");
            positions.insertOne(new Document("_id", 7L));

            assertThatThrownBy(() -> positions.insertOne(new Document("_id", 7)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(positions.find(eq("_id", 7)).first()).isNotNull();
        }
    }

    @Test
    void convertsTheDocumentsAndIndexesOfAStoreWrittenByTheLibraryBackend() {
        Path file = directory.resolve("store.mv");
        try (StoreOnFile store = StoreOnFile.libraryBackend(file)) {
            MongoCollection<Document> tickets = store.database().getCollection("tickets");
            tickets.insertMany(tickets(500));
            tickets.createIndex(Indexes.ascending("n"), new IndexOptions().unique(true));
        }
        try (StoreOnFile store = StoreOnFile.embeddedStore(file)) {
            MongoCollection<Document> tickets = store.database().getCollection("tickets");

            assertThat(tickets.find(eq("_id", "T-321")).first()).containsEntry("n", 321);
            assertThatThrownBy(() -> tickets.insertOne(new Document("_id", "T-9999").append("n", 321)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(tickets.countDocuments()).isEqualTo(500);
            assertThat(store.mapNames()).noneMatch(name -> name.contains("._index_"))
                    .doesNotContain("databases.linkage.tickets")
                    .contains("databases.linkage.tickets$bson", "linkage.tickets._keys__id_", "linkage.tickets._keys_n_1");
        }
    }

    @Test
    void droppingAnIndexOrACollectionRemovesItsKeyMap() {
        try (StoreOnFile store = StoreOnFile.embeddedStore(directory.resolve("store.mv"))) {
            MongoCollection<Document> tickets = store.database().getCollection("tickets");
            tickets.insertMany(tickets(10));
            tickets.createIndex(Indexes.ascending("n"), new IndexOptions().unique(true));
            tickets.dropIndex("n_1");
            assertThat(store.mapNames()).doesNotContain("linkage.tickets._keys_n_1").contains("linkage.tickets._keys__id_");

            tickets.drop();
            assertThat(store.mapNames()).noneMatch(name -> name.contains("linkage.tickets"));
        }
    }

    @Test
    void aRenamedCollectionKeepsItsDocumentsAndIndexesAcrossAReopen() {
        Path file = directory.resolve("store.mv");
        try (StoreOnFile store = StoreOnFile.embeddedStore(file)) {
            MongoCollection<Document> fresh = store.database().getCollection("board_v2");
            fresh.insertMany(tickets(100));
            fresh.createIndex(Indexes.ascending("n"), new IndexOptions().unique(true));
            fresh.renameCollection(new MongoNamespace("linkage", "board"));
        }
        try (StoreOnFile store = StoreOnFile.embeddedStore(file)) {
            MongoCollection<Document> board = store.database().getCollection("board");

            assertThat(board.countDocuments()).isEqualTo(100);

            assertThat(board.find(eq("_id", "T-42")).first()).containsEntry("n", 42);
            assertThatThrownBy(() -> board.insertOne(new Document("_id", "T-42")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> board.insertOne(new Document("_id", "T-1000").append("n", 42)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(store.mapNames()).noneMatch(name -> name.contains("linkage.board_v2"));
        }
    }

    @Test
    void anAggregationsOutputCollectionSurvivesAReopen() {
        Path file = directory.resolve("store.mv");
        try (StoreOnFile store = StoreOnFile.embeddedStore(file)) {
            MongoCollection<Document> tickets = store.database().getCollection("tickets");
            tickets.insertMany(tickets(30));
            tickets.aggregate(List.of(Aggregates.match(Filters.lt("n", 10)), Aggregates.out("first_ten"))).toCollection();
        }
        try (StoreOnFile store = StoreOnFile.embeddedStore(file)) {
            MongoCollection<Document> firstTen = store.database().getCollection("first_ten");

            assertThat(firstTen.countDocuments()).isEqualTo(10);
            assertThat(firstTen.find(eq("_id", "T-7")).first()).containsEntry("n", 7);
        }
    }

    private static List<Document> tickets(int count) {
        List<Document> tickets = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            tickets.add(new Document("_id", "T-" + n).append("n", n));
        }
        return tickets;
    }

    @Test
    void aQueryNamingAllKeysOfAUniqueIndexPlusOtherFieldsMatchesOnlyDocumentsWithAllOfThem() {
        // The token store's update filters on processor, segment and owner; the unique index is on the first two.
        try (StoreOnFile store = StoreOnFile.embeddedStore(directory.resolve("store.mv"))) {
            MongoCollection<Document> tokens = store.database().getCollection("trackingtokens");
            tokens.createIndex(Indexes.ascending("processorName", "segment"), new IndexOptions().unique(true));
            for (int segment = 0; segment < 16; segment++) {
                tokens.insertOne(new Document("processorName", "board").append("segment", segment)
                        .append("owner", segment == 3 ? "node-a" : "node-b").append("token", 0));
            }

            var ownedByA = Filters.and(eq("processorName", "board"), eq("segment", 3), eq("owner", "node-a"));
            var ownedByB = Filters.and(eq("processorName", "board"), eq("segment", 3), eq("owner", "node-b"));
            long updatedA = tokens.updateOne(ownedByA, new Document("$set", new Document("token", 42))).getModifiedCount();
            long updatedB = tokens.updateOne(ownedByB, new Document("$set", new Document("token", 99))).getModifiedCount();

            assertThat(updatedA).isEqualTo(1);
            assertThat(updatedB).as("the owner does not match: nothing changes").isZero();
            assertThat(tokens.find(ownedByA).first()).containsEntry("token", 42);
            assertThat(tokens.countDocuments(Filters.eq("token", 42))).isEqualTo(1);
        }
    }
}
