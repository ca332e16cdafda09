package cn.linkage.embedded;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;
import org.h2.mvstore.MVStore;

/** A server on a free loopback port over one H2 file, with a driver client; closing closes the file. */
final class StoreOnFile implements AutoCloseable {

    private final MVStore store;
    private final MongoServer server;
    private final MongoClient client;

    private StoreOnFile(Path file, Function<MVStore, MongoBackend> backend) {
        store = new MVStore.Builder().fileName(file.toString()).open();
        server = new MongoServer(backend.apply(store));
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create(new ConnectionString(
                "mongodb://" + address.getHostString() + ":" + address.getPort()));
    }

    static StoreOnFile embeddedStore(Path file) {
        return new StoreOnFile(file, EmbeddedStoreBackend::new);
    }

    /** The library's own backend, as the hub ran before its indexes got their own key type. */
    static StoreOnFile libraryBackend(Path file) {
        return new StoreOnFile(file, H2Backend::new);
    }

    MongoDatabase database() {
        return client.getDatabase("linkage");
    }

    Set<String> mapNames() {
        return store.getMapNames();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
        store.close();
    }
}
