package cn.linkage.hub.config;

import cn.linkage.command.eventstore.ChainCheckpoints;
import cn.linkage.command.eventstore.ChainVerifier;
import cn.linkage.command.eventstore.MongoEventStoreSettings;
import cn.linkage.hub.application.AuditReader;
import cn.linkage.hub.audit.CheckpointSealer;
import cn.linkage.hub.audit.DossierRenderer;
import cn.linkage.hub.grpc.AuditGrpcService;
import cn.linkage.query.audit.PartyActivityProjection;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit side: history and dossiers, who-touched-what, and tamper evidence with its sealer. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    public PartyActivityProjection partyActivityProjection(@org.springframework.beans.factory.annotation.Qualifier(cn.linkage.hub.storage.MongoConfiguration.DERIVED) MongoDatabase database) {
        return new PartyActivityProjection(database);
    }

    @Bean
    public ChainCheckpoints chainCheckpoints(MongoDatabase database, MongoEventStoreSettings settings,
                                             HubProperties properties) {
        return new ChainCheckpoints(database, settings, properties.audit().checkpointRange());
    }

    @Bean
    public ChainVerifier chainVerifier(MongoDatabase database, MongoEventStoreSettings settings,
                                       ChainCheckpoints checkpoints) {
        return new ChainVerifier(database, settings, checkpoints);
    }

    @Bean
    @ConditionalOnProperty(name = "linkage.mode", havingValue = "serve", matchIfMissing = true)
    public CheckpointSealer checkpointSealer(ChainCheckpoints checkpoints, HubProperties properties) {
        return new CheckpointSealer(checkpoints, properties.audit().sealEvery());
    }

    @Bean
    public AuditReader auditReader(EventStore eventStore, ChainVerifier chains) {
        return new AuditReader(eventStore, chains);
    }

    @Bean
    public AuditGrpcService auditGrpcService(AuditReader reader, PartyActivityProjection activity,
                                             ChainVerifier verifier, ObjectMapper mapper, Clock clock) {
        return new AuditGrpcService(reader, activity, verifier, new DossierRenderer(mapper), clock);
    }
}
