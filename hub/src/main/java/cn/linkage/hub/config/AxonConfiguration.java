package cn.linkage.hub.config;

import cn.linkage.api.LinkagePolicy;
import cn.linkage.command.ticket.Ticket;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon wiring that is not storage: the clock handed to command handlers, the Jackson 2 mapper behind
 * Axon's serializer (XStream fails on Java 17; Axon's Jackson 3 serializer refuses token types), and
 * the ticket aggregate, registered here so the domain carries no Spring stereotype.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public LinkagePolicy linkagePolicy(HubProperties properties) {
        return new LinkagePolicy(properties.rules().returnsBeforeConsultation());
    }

    @Bean
    public ObjectMapper axonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Events written by a newer hub may carry fields an older node does not know yet.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    public ConfigurerModule ticketAggregate() {
        return configurer -> configurer.configureAggregate(Ticket.class);
    }
}
