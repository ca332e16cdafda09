package cn.linkage.command.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/** An in-process mongo-java-server on a free loopback port with a driver client connected to it. */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;

    private EmbeddedMongo(MongoBackend backend) {
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new MemoryBackend());
    }

    /** H2 keeps the data in {@code file}, so a new instance over the same file sees what an earlier one stored. */
    public static EmbeddedMongo onH2File(Path file) {
        return new EmbeddedMongo(new H2Backend(file.toString()));
    }

    public MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    public MongoClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
