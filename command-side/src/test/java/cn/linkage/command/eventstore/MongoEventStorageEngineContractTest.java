package cn.linkage.command.eventstore;

import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngineTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.function.UnaryOperator;

/** Axon's own storage-engine contract, run against the engine on the embedded in-memory server. */
class MongoEventStorageEngineContractTest
        extends BatchingEventStorageEngineTest<MongoEventStorageEngine, MongoEventStorageEngine.Builder> {

    private EmbeddedMongo mongo;
    private int engineNumber;

    @BeforeEach
    void setUp() {
        mongo = openMongo();
        setTestSubject(createEngine());
    }

    @AfterEach
    void closeMongo() {
        mongo.close();
    }

    protected EmbeddedMongo openMongo() {
        return EmbeddedMongo.inMemory();
    }

    /** Every engine gets fresh collections, as Axon's JDBC test gives each engine fresh tables. */
    @Override
    protected MongoEventStorageEngine createEngine(UnaryOperator<MongoEventStorageEngine.Builder> customization) {
        MongoEventStorageEngine.Builder builder = MongoEventStorageEngine.builder()
                .database(mongo.database("contract"))
                .settings(MongoEventStoreSettings.defaults().withCollectionPrefix("engine" + engineNumber++ + "_"))
                .eventSerializer(TestSerializers.jackson())
                .snapshotSerializer(TestSerializers.jackson());
        return customization.apply(builder).build();
    }
}
