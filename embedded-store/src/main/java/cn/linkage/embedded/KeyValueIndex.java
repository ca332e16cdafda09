package cn.linkage.embedded;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;

/**
 * A unique index kept in an H2 map keyed by {@link KeyValueType}; the value is the document's position.
 *
 * <p>It also serves a query that names all its keys exactly plus other fields (e.g. a token update
 * filtering on processor, segment and owner): the library would scan the whole collection for it,
 * because it gives a query to an index only when the query has no other field. Here the index finds the
 * one candidate and the library's matcher checks the other fields on it.
 */
final class KeyValueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> positions;

    KeyValueIndex(MVMap<KeyValue, Object> positions, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.positions = positions;
    }

    @Override
    public boolean canHandle(Document query) {
        if (super.canHandle(query)) {
            return true;
        }
        if (!query.keySet().containsAll(keySet())) {
            return false;
        }
        Document keysOnly = new Document();
        keys().forEach(key -> keysOnly.put(key, query.get(key)));
        return super.canHandle(keysOnly);
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return positions.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return positions.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return positions.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return positions.get(key);
    }

    @Override
    public long getCount() {
        return positions.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
