package cn.linkage.hub.exchange;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.util.Optional;
import org.bson.Document;

/** The last cursor each subscriber acknowledged, keyed by subscriber. */
public class ExchangeCursorStore {

    private final MongoCollection<Document> cursors;
    private final Clock clock;

    public ExchangeCursorStore(MongoDatabase database, Clock clock) {
        this.cursors = database.getCollection("exchange_cursors");
        this.clock = clock;
    }

    public Optional<String> acknowledged(String subscriber) {
        return Optional.ofNullable(cursors.find(Filters.eq("_id", subscriber)).first()).map(d -> d.getString("cursor"));
    }

    public void acknowledge(String subscriber, String cursor) {
        cursors.replaceOne(Filters.eq("_id", subscriber),
                new Document("_id", subscriber).append("cursor", cursor).append("acknowledgedAt", clock.millis()),
                new ReplaceOptions().upsert(true));
    }
}
