package cn.linkage.hub.storage;

import cn.linkage.hub.config.HubProperties;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One MongoDB client for the whole hub: the configured URI, or the embedded store's address. */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

    @Bean(destroyMethod = "close")
    public MongoClient mongoClient(HubProperties properties, ObjectProvider<MongoServer> embeddedServer) {
        String uri = properties.mongo().embedded() ? embeddedUri(embeddedServer.getObject()) : properties.mongo().uri();
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
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
