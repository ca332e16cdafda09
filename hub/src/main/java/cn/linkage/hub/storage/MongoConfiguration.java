package cn.linkage.hub.storage;

import cn.linkage.hub.config.HubProperties;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * One MongoDB client for the whole hub: the configured URI, or the embedded store's address.
 *
 * <p>Writes wait for a majority of the replica set with journaling, and reads see only majority-committed
 * data: an event acknowledged with {@code w:1} can be rolled back at fail-over after a processor, a
 * subscriber or the aggregate's next writer saw it. These are set in code, after the URI, so a URI
 * cannot weaken them (docs/configuration.md). The embedded store honours the same concerns: it syncs
 * its file before answering such a write, and answers a majority read only once what it saw is synced.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

    /** Qualifier of the database handle for derived data ({@link #derivedDatabase}). */
    public static final String DERIVED = "derivedDatabase";

    @Bean(destroyMethod = "close")
    public MongoClient mongoClient(HubProperties properties, ObjectProvider<MongoServer> embeddedServer) {
        String uri = properties.mongo().embedded() ? embeddedUri(embeddedServer.getObject()) : properties.mongo().uri();
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .readConcern(ReadConcern.MAJORITY)
                .applicationName("linkage-hub")
                .build());
    }

    /** The system of record: events, the position counter's readers, exchange cursors, checkpoints. */
    @Bean
    @Primary
    public MongoDatabase mongoDatabase(MongoClient client, HubProperties properties) {
        return client.getDatabase(properties.mongo().database());
    }

    /**
     * What is derived from the events and rebuilt from them after a loss: views, processor tokens, dead
     * letters, deadline buckets, in a database of its own (on the embedded store, a file of its own).
     * Written with {@code w:1} and read locally, so a view update does not wait for the disk. After a
     * crash or a fail-over it can only be behind the events, never ahead: processors read events with
     * read concern majority, so everything derived depends on durable events only; what reaches the disk
     * of the derived database is a prefix of its writes in order, so a token never survives the view
     * writes before it, and the processors re-apply the rest (docs/decisions/0005, 0007).
     */
    @Bean(DERIVED)
    public MongoDatabase derivedDatabase(MongoClient client, HubProperties properties) {
        return client.getDatabase(properties.mongo().derivedDatabase())
                .withWriteConcern(WriteConcern.W1).withReadConcern(ReadConcern.LOCAL);
    }

    private static String embeddedUri(MongoServer server) {
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }
}
