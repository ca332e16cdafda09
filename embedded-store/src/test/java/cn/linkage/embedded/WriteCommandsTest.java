package cn.linkage.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteCommandsTest {

    @Test
    void queriesAreReads() {
        for (String read : List.of("find", "getMore", "count", "distinct", "listIndexes", "hello", "isMaster")) {
            assertThat(WriteCommands.mayWrite(read, new Document())).as(read).isFalse();
        }
    }

    @Test
    void changesAreWrites() {
        for (String write : List.of("insert", "update", "delete", "findAndModify", "createIndexes", "drop",
                "renameCollection", "dropDatabase")) {
            assertThat(WriteCommands.mayWrite(write, new Document())).as(write).isTrue();
        }
    }

    @Test
    void anUnknownCommandCountsAsAWrite() {
        assertThat(WriteCommands.mayWrite("someFutureCommand", new Document())).isTrue();
    }

    @Test
    void anAggregationIsAWriteOnlyWhenItWritesItsOutput() {
        Document plain = new Document("pipeline", List.of(new Document("$match", new Document())));
        Document out = new Document("pipeline", List.of(new Document("$match", new Document()),
                new Document("$out", "copy")));
        Document merge = new Document("pipeline", List.of(new Document("$merge", "copy")));

        assertThat(WriteCommands.mayWrite("aggregate", plain)).isFalse();
        assertThat(WriteCommands.mayWrite("aggregate", out)).isTrue();
        assertThat(WriteCommands.mayWrite("aggregate", merge)).isTrue();
    }
}
