package cn.linkage.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * H2 value type for stored documents: BSON, as they travel on the wire. H2's default type writes a
 * document with Java serialisation, which made the store's page writer one of the largest users of
 * CPU while views were rebuilt (docs/decisions/0004).
 */
final class DocumentType extends BasicDataType<Document> {

    private static final int ENTRY_BYTES = 48;
    private static final int VALUE_BYTES = 24;

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        BsonEncoder.encodeDocument(document, bson);
        buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] bson = new byte[length];
        buffer.get(bson);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** An estimate for H2's cache accounting, from the document's shape rather than its encoding. */
    @Override
    public int getMemory(Document document) {
        return estimate(document);
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int memory = ENTRY_BYTES;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                memory += ENTRY_BYTES + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return memory;
        }
        if (value instanceof Collection<?> values) {
            int memory = ENTRY_BYTES;
            for (Object element : values) {
                memory += estimate(element);
            }
            return memory;
        }
        if (value instanceof CharSequence text) {
            return VALUE_BYTES + 2 * text.length();
        }
        return VALUE_BYTES;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
