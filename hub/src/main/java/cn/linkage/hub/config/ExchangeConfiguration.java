package cn.linkage.hub.config;

import cn.linkage.hub.exchange.ExchangeCursorStore;
import cn.linkage.hub.exchange.ExchangeGrpcService;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Live exchange: per-subscriber streams and their acknowledged cursors. */
@Configuration(proxyBeanMethods = false)
public class ExchangeConfiguration {

    @Bean
    public ExchangeCursorStore exchangeCursorStore(MongoDatabase database, Clock clock) {
        return new ExchangeCursorStore(database, clock);
    }

    @Bean
    public ExchangeGrpcService exchangeGrpcService(EventStore eventStore, ExchangeCursorStore cursors,
                                                   HubProperties properties) {
        return new ExchangeGrpcService(eventStore, cursors, properties.grpc().maxStreamsPerParty());
    }
}
