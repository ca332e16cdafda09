package cn.linkage.hub.config;

import cn.linkage.hub.grpc.GrpcServerLifecycle;
import cn.linkage.hub.identity.HubTls;
import cn.linkage.hub.simulation.SimulatedPlatforms;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code linkage.simulate=true} (the run script's {@code --simulate}) starts the simulated platforms. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "linkage.simulate", havingValue = "true")
public class SimulationConfiguration {

    @Bean
    @ConditionalOnProperty(name = "linkage.mode", havingValue = "serve", matchIfMissing = true)
    public SimulatedPlatforms simulatedPlatforms(GrpcServerLifecycle server, HubTls tls) {
        return new SimulatedPlatforms(server, tls, Duration.ofSeconds(3));
    }
}
