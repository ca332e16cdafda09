package cn.linkage.bench.eventstore;

import cn.linkage.command.eventstore.MongoEventStorageEngine;
import cn.linkage.command.eventstore.MongoEventStoreSettings;
import cn.linkage.embedded.Durability;
import cn.linkage.embedded.EmbeddedStoreBackend;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.serialization.Serializer;
import org.h2.mvstore.MVStore;

/** One engine under test with whatever server it runs on; closing it shuts that server down. */
final class BenchStore implements AutoCloseable {

    enum Kind {
        IN_MEMORY("(a) Axon in-memory engine"),
        AXON_MONGO_EXTENSION("(b) Axon Mongo extension 4.12.0 engine, embedded store (H2)"),
        OURS("(c) our MongoEventStorageEngine, embedded store (H2), synced per write (the hub's default)"),
        OURS_RELAXED("(d) our MongoEventStorageEngine, embedded store (H2), relaxed: benchmark-only, no sync");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        boolean isOurs() {
            return this == OURS || this == OURS_RELAXED;
        }
    }

    final Kind kind;
    final EventStorageEngine engine;
    private final MongoServer server;
    private final MongoClient client;

    private BenchStore(Kind kind, EventStorageEngine engine, MongoServer server, MongoClient client) {
        this.kind = kind;
        this.engine = engine;
        this.server = server;
        this.client = client;
    }

    static BenchStore open(Kind kind, Path dir, Serializer serializer) {
        if (kind == Kind.IN_MEMORY) {
            return new BenchStore(kind, new InMemoryEventStorageEngine(), null, null);
        }
        Durability durability = kind == Kind.OURS_RELAXED ? Durability.RELAXED_FOR_BENCHMARKS_ONLY : Durability.SYNCED;
        MVStore file = EmbeddedStoreBackend.openFile(dir.resolve(kind.name().toLowerCase() + ".mv"), 256, durability);
        MongoServer server = new MongoServer(new EmbeddedStoreBackend(file, durability));
        server.bind(new java.net.InetSocketAddress("127.0.0.1", 0), 1, 16);
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        var database = client.getDatabase("bench");
        EventStorageEngine engine = kind.isOurs()
                ? MongoEventStorageEngine.builder().database(database).settings(MongoEventStoreSettings.defaults())
                        .snapshotSerializer(serializer).eventSerializer(serializer).build()
                : org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine.builder()
                        .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                        .snapshotSerializer(serializer).eventSerializer(serializer).build();
        return new BenchStore(kind, engine, server, client);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.shutdownNow();
        }
    }
}
