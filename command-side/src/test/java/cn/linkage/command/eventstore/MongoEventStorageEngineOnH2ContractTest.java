package cn.linkage.command.eventstore;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The same Axon contract on the H2 (file) backend, which is what the embedded deployment runs on. */
class MongoEventStorageEngineOnH2ContractTest extends MongoEventStorageEngineContractTest {

    @TempDir
    Path storeDirectory;

    @Override
    protected EmbeddedMongo openMongo() {
        return EmbeddedMongo.onH2File(storeDirectory.resolve("events.mv"));
    }
}
