package cn.linkage.hub.storage;

import cn.linkage.command.eventstore.MongoEventStorageEngine;
import cn.linkage.command.eventstore.MongoEventStoreSettings;
import cn.linkage.command.store.MongoTrackingInfrastructure;
import cn.linkage.hub.config.HubProperties;
import com.mongodb.client.MongoDatabase;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
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
    public MongoEventStoreSettings eventStoreSettings(HubProperties properties, Clock clock) {
        return MongoEventStoreSettings.defaults().withGapTimeout(properties.eventStore().gapTimeout()).withClock(clock);
    }

    @Bean
    public EventStorageEngine eventStorageEngine(MongoDatabase database, Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 MongoEventStoreSettings settings) {
        return MongoEventStorageEngine.builder()
                .database(database)
                .settings(settings)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
    }

    @Bean
    public MongoTrackingInfrastructure trackingInfrastructure(@Qualifier(MongoConfiguration.DERIVED) MongoDatabase database, Serializer serializer) {
        // Claims name the node so an operator can tell which hub holds which segment.
        String nodeId = ManagementFactory.getRuntimeMXBean().getName();
        return new MongoTrackingInfrastructure(database, serializer, nodeId, Duration.ofSeconds(10));
    }

    @Bean
    public TokenStore tokenStore(MongoTrackingInfrastructure infrastructure) {
        return infrastructure.tokenStore();
    }

    @Bean
    public SagaStore<Object> sagaStore(MongoTrackingInfrastructure infrastructure) {
        return infrastructure.sagaStore();
    }
}
