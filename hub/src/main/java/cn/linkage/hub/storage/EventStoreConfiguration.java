package cn.linkage.hub.storage;

import cn.linkage.command.eventstore.MongoEventStorageEngine;
import cn.linkage.command.eventstore.MongoEventStoreSettings;
import cn.linkage.hub.config.HubProperties;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's storage in MongoDB: our own event storage engine (ADR 0001), and the Mongo extension's
 * token and saga stores, whose keyed claims let processors share segments across hub nodes.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    @Bean
    public EventStorageEngine eventStorageEngine(MongoDatabase database, Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 HubProperties properties, Clock clock) {
        MongoEventStoreSettings settings = MongoEventStoreSettings.defaults()
                .withGapTimeout(properties.eventStore().gapTimeout())
                .withClock(clock);
        return MongoEventStorageEngine.builder()
                .database(database)
                .settings(settings)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
    }

    @Bean
    public MongoTemplate axonMongoTemplate(MongoDatabase database) {
        return DefaultMongoTemplate.builder().mongoDatabase(database).build();
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    @Bean
    public SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }
}
