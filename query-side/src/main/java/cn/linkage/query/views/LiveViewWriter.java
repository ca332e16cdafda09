package cn.linkage.query.views;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Writes straight to the store, one operation per call: what the live event processors use. */
public final class LiveViewWriter implements ViewWriter {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final ViewVersions versions;
    private final String view;
    private final int version;

    public LiveViewWriter(ViewVersions versions, String view, int version) {
        this.versions = versions;
        this.view = view;
        this.version = version;
    }

    @Override
    public Document find(String part, String id) {
        return versions.collection(view, part, version).find(Filters.eq("_id", id)).first();
    }

    @Override
    public void addToSet(String part, String id, String field, Object value, Map<String, Object> onInsert) {
        List<Bson> updates = new ArrayList<>();
        onInsert.forEach((name, fieldValue) -> updates.add(Updates.setOnInsert(name, fieldValue)));
        updates.add(Updates.addToSet(field, value));
        versions.collection(view, part, version).updateOne(Filters.eq("_id", id), Updates.combine(updates), UPSERT);
    }

    @Override
    public void set(String part, String id, String field, Object value) {
        versions.collection(view, part, version).updateOne(Filters.eq("_id", id), Updates.set(field, value), UPSERT);
    }

    @Override
    public void replaceIfNewer(String part, Document document) {
        try {
            versions.collection(view, part, version).replaceOne(
                    Filters.and(Filters.eq("_id", document.get("_id")), Filters.lt("seq", document.getLong("seq"))),
                    document, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // The stored document already describes this event or a later one.
        }
    }
}
