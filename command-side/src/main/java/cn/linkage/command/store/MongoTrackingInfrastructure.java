package cn.linkage.command.store;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;

import java.time.Duration;
import java.util.Objects;

/**
 * Builds the token store and the saga store over the database that holds the events, using the Axon Mongo
 * extension's stores (not its event storage engine). Streaming processors on several nodes share segments
 * through the token store's claims, which rest on a unique index on processor name and segment.
 * <p>
 * There are no transactions: a token update and the projection writes it follows are separate, so projections
 * must be idempotent.
 */
public final class MongoTrackingInfrastructure {

    private final MongoTemplate template;
    private final Serializer serializer;
    private final String nodeId;
    private final Duration claimTimeout;

    /**
     * @param serializer   writes tokens and sagas; use Axon's Jackson 2 serializer (XStream fails on Java 17)
     * @param nodeId       names this node as the owner of the segments it claims
     * @param claimTimeout after this long without an update, another node may take over a claim
     */
    public MongoTrackingInfrastructure(MongoDatabase database, Serializer serializer, String nodeId,
                                       Duration claimTimeout) {
        this.template = DefaultMongoTemplate.builder().mongoDatabase(Objects.requireNonNull(database)).build();
        this.serializer = Objects.requireNonNull(serializer);
        this.nodeId = Objects.requireNonNull(nodeId);
        this.claimTimeout = Objects.requireNonNull(claimTimeout);
    }

    public TokenStore tokenStore() {
        return MongoTokenStore.builder()
                              .mongoTemplate(template)
                              .serializer(serializer)
                              .nodeId(nodeId)
                              .claimTimeout(claimTimeout)
                              .build();
    }

    public SagaStore<Object> sagaStore() {
        return MongoSagaStore.builder().mongoTemplate(template).serializer(serializer).build();
    }
}
