package cn.linkage.hub.config;

import cn.linkage.command.catalogue.Catalogue;
import cn.linkage.command.catalogue.CatalogueHistory;
import cn.linkage.command.catalogue.CatalogueLoader;
import cn.linkage.command.catalogue.CatalogueVersions;
import cn.linkage.hub.catalogue.CatalogueRevisionListener;
import cn.linkage.hub.grpc.RoutingGrpcService;
import java.nio.file.Path;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The diversion catalogue: the shipped Pingliang file, or the city's own with
 * {@code linkage.catalogue.file}, then every revision published since (replayed from the event store
 * on start). A malformed file stops start-up with a message naming file, row and problem.
 */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

    @Bean
    public Catalogue catalogue(@Value("${linkage.catalogue.file:}") String file) {
        return file.isBlank() ? CatalogueLoader.shipped() : CatalogueLoader.fromFile(Path.of(file));
    }

    @Bean
    public CatalogueVersions catalogueVersions(Catalogue catalogue) {
        return new CatalogueVersions(catalogue);
    }

    @Bean
    public CatalogueRevisionListener catalogueRevisionListener(CatalogueVersions versions) {
        return new CatalogueRevisionListener(versions);
    }

    /** Every node replays all revisions at start: the listener's position is deliberately not stored. */
    @Bean
    public ConfigurerModule catalogueHistory() {
        return configurer -> {
            configurer.configureAggregate(CatalogueHistory.class);
            configurer.eventProcessing().registerTokenStore(CatalogueRevisionListener.PROCESSING_GROUP,
                    c -> new InMemoryTokenStore());
        };
    }

    @Bean
    public RoutingGrpcService routingGrpcService(CatalogueVersions versions, CommandGateway commands, EventStore events) {
        return new RoutingGrpcService(versions, commands, events);
    }
}
