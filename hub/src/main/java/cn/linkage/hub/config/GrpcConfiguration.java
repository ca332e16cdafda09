package cn.linkage.hub.config;

import cn.linkage.hub.application.TicketGateway;
import cn.linkage.hub.grpc.GrpcServerLifecycle;
import cn.linkage.hub.grpc.TicketGrpcService;
import cn.linkage.hub.identity.HubTls;
import io.grpc.BindableService;
import io.grpc.protobuf.services.HealthStatusManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gRPC API: its services, the standard health service, reflection, and the server itself. */
@Configuration(proxyBeanMethods = false)
public class GrpcConfiguration {

    @Bean
    public TicketGateway ticketGateway(CommandGateway commandGateway, EventStore eventStore) {
        // 20,000 recent tickets: about a third of a Beijing day's volume, some tens of MB of folds.
        return new TicketGateway(commandGateway, eventStore, Duration.ofSeconds(30), 20_000);
    }

    @Bean
    public TicketGrpcService ticketGrpcService(TicketGateway gateway, Clock clock) {
        return new TicketGrpcService(gateway, clock);
    }

    @Bean
    public HealthStatusManager healthStatusManager() {
        return new HealthStatusManager();
    }

    /** The certificates of both ports: configured, or the development PKI made on the first start. */
    @Bean
    @ConditionalOnProperty(name = "linkage.mode", havingValue = "serve", matchIfMissing = true)
    public HubTls hubTls(HubProperties properties) {
        // Validity is checked by every TLS peer against its own wall clock, never the hub's business clock.
        return HubTls.load(properties.tls(), properties.embedded().dataDir(), properties.grpc().address(),
                Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(name = "linkage.mode", havingValue = "serve", matchIfMissing = true)
    public GrpcServerLifecycle grpcServer(HubProperties properties, List<BindableService> services,
                                          HealthStatusManager health, HubTls tls) {
        return new GrpcServerLifecycle(properties.grpc(), services, health, tls);
    }
}
