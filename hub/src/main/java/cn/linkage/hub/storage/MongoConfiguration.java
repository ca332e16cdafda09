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

/**
 * One MongoDB client for the whole hub: the configured URI, or the embedded store's address.
 *
 * <p>Writes wait for a majority of the replica set with journaling, and reads see only majority-committed
 * data: an event acknowledged with {@code w:1} can be rolled back at fail-over after a processor, a
 * subscriber or the aggregate's next writer saw it. These are set in code, after the URI, so a URI
 * cannot weaken them (docs/configuration.md). The embedded store accepts and ignores them: it is one node
 * that syncs every write before answering.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

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

    @Bean
    public MongoDatabase mongoDatabase(MongoClient client, HubProperties properties) {
        return client.getDatabase(properties.mongo().database());
    }

    private static String embeddedUri(MongoServer server) {
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }
}
