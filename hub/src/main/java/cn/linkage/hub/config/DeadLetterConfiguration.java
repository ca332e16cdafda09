package cn.linkage.hub.config;

import cn.linkage.hub.catalogue.CatalogueRevisionListener;
import cn.linkage.hub.deadletter.DeadLetterPolicy;
import cn.linkage.hub.deadletter.ProcessingDeadLetters;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No silent skips: every event processor configured under {@code axon.eventhandling.processors}
 * dead-letters an event that fails for good (Axon's sequenced dead-letter queue, in the
 * {@code deadletters} collection through the Axon Mongo extension, whose Spring Boot
 * auto-configuration does not serve Boot 4) and lets the processor retry one that failed for a reason
 * that may pass ({@link DeadLetterPolicy}). Without this, Axon logs a failed event and skips it.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    /**
     * {@code linkage.dead-letters.*}.
     *
     * @param maxTickets    tickets (sequences) one processing group may hold back; past it the processor
     *                      stops and retries, logging the overflow, until an operator clears some
     * @param claimDuration how long a retry on one node keeps other nodes off the ticket it works on
     */
    @ConfigurationProperties("linkage.dead-letters")
    public record DeadLetterProperties(@DefaultValue("1024") int maxTickets,
                                       @DefaultValue("30s") Duration claimDuration) {
    }

    @Bean
    public ConfigurerModule deadLetterQueues(@org.springframework.beans.factory.annotation.Qualifier(cn.linkage.hub.storage.MongoConfiguration.DERIVED) MongoDatabase database, EventProcessorProperties processors,
                                             DeadLetterProperties properties) {
        MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(database).build();
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (String group : groups(processors)) {
                processing.registerDeadLetterQueue(group, c -> queue(group, template, properties, c))
                        .registerDeadLetterPolicy(group, c -> new DeadLetterPolicy(group,
                                () -> c.eventProcessingConfiguration().deadLetterQueue(group).orElseThrow(),
                                () -> c.eventProcessingConfiguration().sequencingPolicy(group)))
                        // Without it every event costs a query on the queue; with it, only events of tickets
                        // this segment has seen dead-lettered (or all, if the queue held letters at claim).
                        .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                                (c, builder) -> builder.enableSequenceIdentifierCache());
            }
        };
    }

    @Bean
    public ProcessingDeadLetters processingDeadLetters(ObjectProvider<EventProcessingConfiguration> processing,
                                                       EventProcessorProperties processors) {
        return new ProcessingDeadLetters(processing::getObject, groups(processors));
    }

    @Bean
    @ConditionalOnProperty(name = "linkage.mode", havingValue = "serve", matchIfMissing = true)
    public ApplicationListener<ApplicationReadyEvent> deadLetterBacklogReport(ProcessingDeadLetters deadLetters) {
        return ready -> deadLetters.logBacklog();
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> queue(String group, MongoTemplate template,
                                                                    DeadLetterProperties properties,
                                                                    org.axonframework.config.Configuration axon) {
        if (CatalogueRevisionListener.PROCESSING_GROUP.equals(group)) {
            // This node replays every revision on each start (its token store is in memory, see
            // RoutingConfiguration): a stored letter would hold back the replay of a fresh node.
            return InMemorySequencedDeadLetterQueue.defaultQueue();
        }
        return MongoSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .mongoTemplate(template)
                .serializer(axon.eventSerializer())
                .maxSequences(properties.maxTickets())
                .claimDuration(properties.claimDuration())
                .build();
    }

    /** The processing groups: each processor configured in application.yml handles the group of its name. */
    private static List<String> groups(EventProcessorProperties processors) {
        return processors.getProcessors().keySet().stream().sorted().toList();
    }
}
