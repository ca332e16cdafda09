package cn.linkage.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend with its stored form made cheaper (docs/decisions/0004): unique
 * indexes (every collection's {@code _id} among them) live in maps keyed by {@link KeyValueType}, which
 * compares keys without serialising them, and documents are stored as BSON ({@link DocumentType})
 * instead of by Java serialisation. Renaming a collection moves all its maps.
 *
 * <p>These maps get their own names ({@code <db>.<collection>._keys_<index>} and
 * {@code databases.<db>.<collection>$bson}; MongoDB collection names cannot hold a {@code $}): H2 does not
 * record a map's types, and the library's index maps are ordered by serialised bytes, which this key
 * type's order does not follow. A store written by the plain backend is converted on first open, map
 * by map; the plain backend cannot read the result (docs/runbook.md).
 *
 * <p>Writes become durable as their write concern asks, and majority reads see only durable writes
 * ({@link GroupCommit}), unless the store was opened {@link Durability#RELAXED_FOR_BENCHMARKS_ONLY relaxed}.
 */
public class EmbeddedStoreBackend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreBackend.class);
    private static final String INDEX_MAP_INFIX = "._keys_";
    private static final String LIBRARY_INDEX_MAP_INFIX = "._index_";
    private static final String DATA_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";
    private static final String BSON_SUFFIX = "$bson";

    private final GroupCommit groupCommit;
    private final MVStore derivedStore;
    private final String derivedDatabase;
    private final GroupCommit derivedCommit;

    /** A backend whose writes are durable when answered; open the store with {@link #openFile}. */
    public EmbeddedStoreBackend(MVStore store) {
        this(store, Durability.SYNCED);
    }

    public EmbeddedStoreBackend(MVStore store, Durability durability) {
        this(store, null, null, durability);
    }

    /**
     * A backend that keeps the database named {@code derivedDatabase} in a file of its own. Its writes
     * (views, tokens: data derived from durable events and rebuilt from them) are committed on their own
     * cadence, so the record's commits carry only the record's pages (docs/decisions/0007).
     */
    public EmbeddedStoreBackend(MVStore store, MVStore derivedStore, String derivedDatabase, Durability durability) {
        super(store);
        this.groupCommit = new GroupCommit(store, durability);
        this.derivedStore = derivedStore;
        this.derivedDatabase = derivedDatabase;
        this.derivedCommit = derivedStore == null ? null : new GroupCommit(derivedStore, durability);
    }

    /**
     * Opens (or creates) the H2 file the way {@code durability} needs: for {@link Durability#SYNCED}
     * without H2's background and memory-triggered commits, so that every commit is one this backend
     * makes between two commands.
     */
    public static MVStore openFile(Path file, int cacheMb, Durability durability) {
        MVStore.Builder builder = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb);
        if (durability == Durability.SYNCED) {
            builder.autoCommitDisabled().autoCommitBufferSize(0);
        }
        return builder.open();
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        GroupCommit commits = isDerived(databaseName) ? derivedCommit : groupCommit;
        if (!WriteCommands.mayWrite(command, query)) {
            Document answer = super.handleCommand(channel, databaseName, command, query);
            // getMore carries no read concern of its own: its batch may hold documents written since the find.
            if (WriteConcerns.readsOnlyDurable(query) || command.equalsIgnoreCase("getMore")) {
                commits.afterMajorityRead();
            }
            return answer;
        }
        return commits.write(() -> super.handleCommand(channel, databaseName, command, query),
                WriteConcerns.waitsForDisk(query));
    }

    @Override
    public void close() {
        groupCommit.close();
        super.close();
        if (derivedStore != null) {
            derivedCommit.close();
            derivedStore.close();
        }
    }

    private boolean isDerived(String databaseName) {
        // Null while the library's constructor opens the record file's databases, before this is set.
        return derivedStore != null && derivedDatabase.equals(databaseName);
    }

    private MVStore storeOf(String databaseName) {
        return isDerived(databaseName) ? derivedStore : getMvStore();
    }

    /** Commit-and-sync rounds so far; fewer than the writes when writers share them. */
    public long syncCount() {
        return groupCommit.syncCount();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * An inner class on purpose: H2Database opens the existing indexes from its constructor, before a
     * subclass could set a field, and javac sets the enclosing instance before calling the super
     * constructor, so {@link #store()} already works then.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, storeOf(databaseName), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            String mapName = mapName(collectionName, indexName, INDEX_MAP_INFIX);
            MVMap<KeyValue, Object> positions = store().openMap(mapName,
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
            convertLibraryMap(mapName(collectionName, indexName, LIBRARY_INDEX_MAP_INFIX), positions);
            return new KeyValueIndex(positions, indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = store().openMap(DATA_MAP_PREFIX + namespace + BSON_SUFFIX,
                    new MVMap.Builder<Object, Document>().valueType(new DocumentType()));
            convertLibraryMap(DATA_MAP_PREFIX + namespace, documents);
            MVMap<String, Object> meta = store().openMap(META_MAP_PREFIX + namespace);
            return new H2Collection(this, collectionName, options, documents, meta, cursorRegistry);
        }

        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            super.dropCollection(collectionName, oplog);
            store().removeMap(DATA_MAP_PREFIX + getFullCollectionNamespace(collectionName) + BSON_SUFFIX);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            store().removeMap(mapName(collection.getCollectionName(), indexName, INDEX_MAP_INFIX));
        }

        /**
         * The library renames the collection object first and its H2 maps after, by the collection's
         * (by then new) name: the documents stay under the old name, and after a restart the collection
         * is empty. The same happens to {@code $out}, which renames its temporary collection. Here every
         * map of the collection follows it; the objects in memory keep working, as a renamed map keeps
         * its id.
         */
        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            String from = collection.getFullName();
            String to = getFullCollectionNamespace(newCollectionName);
            List<String> keyMaps = store().getMapNames().stream()
                    .filter(name -> name.startsWith(from + INDEX_MAP_INFIX)).toList();
            super.moveCollection(oldDatabase, collection, newCollectionName);
            store().removeMap(DATA_MAP_PREFIX + to); // the library's rename opened it, empty
            moveMap(DATA_MAP_PREFIX + from + BSON_SUFFIX, DATA_MAP_PREFIX + to + BSON_SUFFIX);
            moveMap(META_MAP_PREFIX + from, META_MAP_PREFIX + to);
            keyMaps.forEach(name -> moveMap(name, to + name.substring(from.length())));
        }

        private void moveMap(String from, String to) {
            if (from.equals(to) || !store().hasMap(from)) {
                return;
            }
            // A map already under the new name is one the library's rename opened, empty (a target
            // collection of that name was dropped before the move).
            store().removeMap(to);
            store().renameMap(store().openMap(from), to);
        }

        /** Copies a map the library wrote (H2's default types) into ours and removes it; once per map. */
        private <K, V> void convertLibraryMap(String libraryMapName, MVMap<K, V> converted) {
            if (!store().hasMap(libraryMapName)) {
                return;
            }
            MVMap<K, V> library = store().openMap(libraryMapName);
            library.forEach(converted::put);
            store().removeMap(library);
            store().commit();
            log.info("Converted {} ({} entries) to {}", libraryMapName, converted.sizeAsLong(), converted.getName());
        }

        private String mapName(String collectionName, String indexName, String infix) {
            return getDatabaseName() + "." + collectionName + infix + indexName;
        }

        private MVStore store() {
            return storeOf(getDatabaseName());
        }
    }
}
