package cn.linkage.command.eventstore;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The same behaviour on the H2 (file) backend, which the embedded deployment runs on. */
class MongoEventStorageEngineOnH2Test extends MongoEventStorageEngineTest {

    @TempDir
    Path storeDirectory;

    @Override
    protected EmbeddedMongo openMongo() {
        return EmbeddedMongo.onH2File(storeDirectory.resolve("events.mv"));
    }
}
