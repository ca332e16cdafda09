package cn.linkage.hub.config;

import cn.linkage.command.catalogue.Catalogue;
import cn.linkage.command.catalogue.CatalogueLoader;
import cn.linkage.command.catalogue.LinkageRouter;
import cn.linkage.hub.grpc.RoutingGrpcService;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The diversion catalogue: the shipped Pingliang file, or the city's own with
 * {@code linkage.catalogue.file}. A malformed file stops start-up with a message naming file, row and problem.
 */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

    @Bean
    public Catalogue catalogue(@Value("${linkage.catalogue.file:}") String file) {
        return file.isBlank() ? CatalogueLoader.shipped() : CatalogueLoader.fromFile(Path.of(file));
    }

    @Bean
    public LinkageRouter linkageRouter(Catalogue catalogue) {
        return new LinkageRouter(catalogue);
    }

    @Bean
    public RoutingGrpcService routingGrpcService(LinkageRouter router) {
        return new RoutingGrpcService(router);
    }
}
