package cn.linkage.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend with one change: unique indexes (every collection's {@code _id} among
 * them) live in maps keyed by {@link KeyValueType}, which compares keys without serialising them.
 *
 * <p>Those maps get their own names ({@code <db>.<collection>._keys_<index>}): H2 does not record a
 * map's key type, and the keys of the library's maps ({@code ._index_}) are ordered by their serialised
 * bytes, which this type's order does not follow. A store written by the plain backend is converted on
 * first open, index by index; afterwards the plain backend would find its index maps gone, so going
 * back means a dump and restore (docs/runbook.md).
 */
public class EmbeddedStoreBackend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreBackend.class);
    private static final String INDEX_MAP_INFIX = "._keys_";
    private static final String LIBRARY_INDEX_MAP_INFIX = "._index_";
    private static final String DATA_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";

    public EmbeddedStoreBackend(MVStore store) {
        super(store);
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
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            String mapName = mapName(collectionName, indexName, INDEX_MAP_INFIX);
            MVMap<KeyValue, Object> positions = store().openMap(mapName,
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
            convertLibraryIndex(mapName(collectionName, indexName, LIBRARY_INDEX_MAP_INFIX), positions);
            return new KeyValueIndex(positions, indexName, keys, sparse);
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
            moveMap(DATA_MAP_PREFIX + from, DATA_MAP_PREFIX + to);
            moveMap(META_MAP_PREFIX + from, META_MAP_PREFIX + to);
            keyMaps.forEach(name -> moveMap(name, to + name.substring(from.length())));
        }

        private void moveMap(String from, String to) {
            if (from.equals(to) || !store().hasMap(from)) {
                return;
            }
            // What the library opened under the new name is a new, empty map.
            store().removeMap(to);
            store().renameMap(store().openMap(from), to);
        }

        private void convertLibraryIndex(String libraryMapName, MVMap<KeyValue, Object> positions) {
            if (!store().hasMap(libraryMapName)) {
                return;
            }
            MVMap<KeyValue, Object> library = store().openMap(libraryMapName);
            library.forEach(positions::put);
            store().removeMap(library);
            store().commit();
            log.info("Converted index map {} ({} keys) to {}", libraryMapName, positions.sizeAsLong(),
                    positions.getName());
        }

        private String mapName(String collectionName, String indexName, String infix) {
            return getDatabaseName() + "." + collectionName + infix + indexName;
        }

        private MVStore store() {
            return getMvStore();
        }
    }
}
