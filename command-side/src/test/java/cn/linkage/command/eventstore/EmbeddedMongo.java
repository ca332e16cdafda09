package cn.linkage.command.eventstore;

import cn.linkage.embedded.EmbeddedStoreBackend;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import org.h2.mvstore.MVStore;
import java.nio.file.Path;

/** An in-process mongo-java-server on a free loopback port with a driver client connected to it. */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;

    private EmbeddedMongo(MongoBackend backend, CommandListener... listeners) {
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(
                new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()));
        for (CommandListener listener : listeners) {
            settings.addCommandListener(listener);
        }
        client = MongoClients.create(settings.build());
    }

    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new MemoryBackend());
    }

    /** {@code listener} sees every command the client sends, e.g. to check which queries a read issues. */
    public static EmbeddedMongo inMemoryObservedBy(CommandListener listener) {
        return new EmbeddedMongo(new MemoryBackend(), listener);
    }

    /** H2 keeps the data in {@code file}, so a new instance over the same file sees what an earlier one stored. */
    public static EmbeddedMongo onH2File(Path file) {
        return new EmbeddedMongo(new EmbeddedStoreBackend(new MVStore.Builder().fileName(file.toString()).open()));
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
