package cn.linkage.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

class DocumentTypeTest {

    private final DocumentType type = new DocumentType();

    @Test
    void aDocumentReadBackEqualsTheDocumentWrittenWithItsValueTypes() {
        Document document = new Document("_id", new ObjectId())
                .append("ticket", "T-1").append("seq", 12L).append("count", 3).append("rate", 0.75)
                .append("at", Instant.parse("2026-11-29T05:00:00Z")).append("closed", null)
                .append("parties", List.of("12345", "110"))
                .append("caller", new Document("name", "王*").append("phone", "138****5678"));

        Document read = roundTrip(document);

        assertThat(read).isEqualTo(document);
        assertThat(read.get("seq")).isInstanceOf(Long.class);
        assertThat(read.get("count")).isInstanceOf(Integer.class);
        assertThat(read.get("at")).isInstanceOf(Instant.class);
    }

    @Test
    void documentsWrittenOneAfterAnotherAreReadBackInTurn() {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, new Document("_id", 1));
        type.write(buffer, new Document("_id", 2).append("unit", "620802"));
        ByteBuffer read = ByteBuffer.wrap(buffer.getBuffer().array(), 0, buffer.position());

        assertThat(type.read(read)).isEqualTo(new Document("_id", 1));
        assertThat(type.read(read)).isEqualTo(new Document("_id", 2).append("unit", "620802"));
        assertThat(read.hasRemaining()).isFalse();
    }

    private Document roundTrip(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);
        return type.read(ByteBuffer.wrap(buffer.getBuffer().array(), 0, buffer.position()));
    }
}
