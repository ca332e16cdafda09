package cn.linkage.query.views;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * Which collections each supervision view serves from. A view's collections are named
 * {@code sv_<view>_<part>_v<version>}; the current version lives in the {@code view_versions}
 * document {@code _id = <view>} (absent means version 1). A rebuild fills version n+1 while n keeps
 * serving, then {@link #switchTo switches}. Versions are cached for {@link #CACHE_NANOS} so a handler
 * does not read the document per event; another node sees a switch within that time.
 */
public final class ViewVersions {

    static final long CACHE_NANOS = 1_000_000_000L;

    private final MongoDatabase database;
    private final MongoCollection<Document> versions;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ViewVersions(MongoDatabase database) {
        this.database = database;
        this.versions = database.getCollection("view_versions");
    }

    /** The version {@code view} serves from now. */
    public int current(String view) {
        Cached cached = cache.get(view);
        long now = System.nanoTime();
        if (cached != null && now - cached.readAt < CACHE_NANOS) {
            return cached.version;
        }
        Document doc = versions.find(Filters.eq("_id", view)).first();
        int version = doc == null ? 1 : doc.getInteger("version", 1);
        cache.put(view, new Cached(version, now));
        return version;
    }

    /** The version {@code view} serves from, read from the store rather than the cache. */
    public int fresh(String view) {
        cache.remove(view);
        return current(view);
    }

    /** The collection {@code part} of {@code view} at {@code version}. */
    public MongoCollection<Document> collection(String view, String part, int version) {
        return database.getCollection(collectionName(view, part, version));
    }

    /** Drops a collection of {@code view} at {@code version} if it exists. */
    public void drop(String view, String part, int version) {
        String name = collectionName(view, part, version);
        if (database.listCollectionNames().into(new java.util.ArrayList<>()).contains(name)) {
            database.getCollection(name).drop();
        }
    }

    public static String collectionName(String view, String part, int version) {
        return "sv_" + view + "_" + part + "_v" + version;
    }

    /** Records rebuild progress, so an operator can watch it in the store too. */
    public void progress(String view, int building, long eventsReplayed) {
        versions.updateOne(Filters.eq("_id", view), Updates.combine(Updates.set("building", building),
                Updates.set("eventsReplayed", eventsReplayed)), new UpdateOptions().upsert(true));
    }

    /** Makes {@code version} the one {@code view} serves from. */
    public void switchTo(String view, int version) {
        versions.updateOne(Filters.eq("_id", view), Updates.combine(Updates.set("version", version),
                Updates.unset("building")), new UpdateOptions().upsert(true));
        cache.remove(view);
    }

    private record Cached(int version, long readAt) {
    }
}
