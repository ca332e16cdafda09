package cn.linkage.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * H2 key type for a unique index's keys. H2's default type knows nothing of {@link KeyValue} (it is not
 * {@code Comparable}), so it compares two keys by Java-serialising both, at every step down the B-tree:
 * about 70 µs per inserted document (docs/decisions/0004). This one compares the values in MongoDB's
 * order and serialises only when H2 writes a page.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    // Without list handling: an array value is one key compared element by element, so two different
    // arrays are never taken for the same key.
    private static final Comparator<Object> VALUE_ORDER = ValueComparator.ascWithoutListHandling();
    private static final int KEY_OVERHEAD_BYTES = 48;

    private final ObjectDataType values = new ObjectDataType();

    @Override
    public int compare(KeyValue left, KeyValue right) {
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            int order = VALUE_ORDER.compare(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = KEY_OVERHEAD_BYTES;
        for (Object value : key) {
            memory += values.getMemory(value);
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.putVarInt(key.size());
        for (Object value : key) {
            values.write(buffer, value);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        List<Object> read = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            read.add(values.read(buffer));
        }
        return new KeyValue(read);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
