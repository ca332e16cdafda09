package cn.linkage.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

class KeyValueTypeTest {

    private final KeyValueType type = new KeyValueType();

    @Test
    void aKeyReadBackEqualsTheKeyWritten() {
        KeyValue key = new KeyValue(Arrays.asList("T-1", 42L, 7, 2.5, null, Instant.parse("2026-11-29T00:00:00Z"),
                new ObjectId(), new Document("unit", "U-1"), List.of("a", "b")));
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, key);

        KeyValue read = type.read(ByteBuffer.wrap(buffer.getBuffer().array(), 0, buffer.position()));

        assertThat(read).isEqualTo(key);
        assertThat(type.compare(read, key)).isZero();
    }

    @Test
    void keysCompareValueByValueInMongoDbOrder() {
        assertThat(type.compare(new KeyValue("T-1", 2L), new KeyValue("T-1", 10L))).isNegative();
        assertThat(type.compare(new KeyValue("T-2", 0L), new KeyValue("T-1", 10L))).isPositive();
        assertThat(type.compare(new KeyValue(10), new KeyValue("10"))).as("numbers before strings").isNegative();
        assertThat(type.compare(new KeyValue(List.of("a", "b")), new KeyValue(List.of("b", "a")))).isNotZero();
    }
}
