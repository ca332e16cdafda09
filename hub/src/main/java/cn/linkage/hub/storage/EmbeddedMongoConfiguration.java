package cn.linkage.hub.storage;

import cn.linkage.hub.config.HubProperties;
import cn.linkage.embedded.Durability;
import cn.linkage.embedded.EmbeddedStoreBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no MongoDB URI configured, the hub runs mongo-java-server (H2 backend) in-process and talks to
 * it over the wire protocol like to a real server, so both set-ups share one code path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "linkage.mongo.uri", havingValue = "", matchIfMissing = true)
public class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    // Shut down through the bean's own destroy method: a failed start otherwise leaves the JVM hanging.
    @Bean(destroyMethod = "shutdownNow")
    public MongoServer embeddedMongoServer(HubProperties properties) {
        HubProperties.Embedded embedded = properties.embedded();
        Path file = embedded.dataDir().toAbsolutePath().normalize().resolve("linkage-hub.mv");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the embedded store's data directory " + file.getParent(), e);
        }
        // H2's default page cache is 16 MB: past that every read goes to the file (measured: a scan of 200k
        // events ran 4× slower). The cache is a share of the heap; docs/configuration.md sizes it.
        MVStore store = EmbeddedStoreBackend.openFile(file, embedded.cacheMb(), embedded.durability());
        // Derived data in a file of its own: its commits do not weigh on the record's (decisions/0007).
        MVStore derived = EmbeddedStoreBackend.openFile(file.resolveSibling("linkage-hub-derived.mv"),
                embedded.cacheMb(), embedded.durability());
        MongoServer server = new MongoServer(new EmbeddedStoreBackend(store, derived,
                properties.mongo().derivedDatabase(), embedded.durability()));
        // A write holds its connection's event-loop thread until its group commit is synced: more threads
        // than Netty's default (two per core) let more concurrent writes share one sync.
        server.bind(new InetSocketAddress(embedded.host(), embedded.port()), 1, embedded.ioThreads());
        log.info("Embedded MongoDB-compatible store (mongo-java-server, H2) at {} serving {}", server.getLocalAddress(),
                file);
        if (embedded.durability() != Durability.SYNCED) {
            log.warn("linkage.embedded.durability={}: acknowledged writes of the last second are lost in a crash."
                     + " For benchmarks only.", embedded.durability());
        }
        return server;
    }
}
