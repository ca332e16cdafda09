package cn.linkage.hub.config;

import cn.linkage.command.deadline.DeadlinePolicy;
import cn.linkage.command.deadline.TimeLimit;
import cn.linkage.command.deadline.TimeLimits;
import cn.linkage.command.deadline.WorkingCalendar;
import cn.linkage.hub.deadline.DeadlineBuckets;
import cn.linkage.hub.deadline.DeadlinePoller;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sign-for and completion deadlines: the city's limits and calendar, the minute buckets, the clock. */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    @Bean
    public DeadlinePolicy deadlinePolicy(HubProperties properties) {
        HubProperties.Deadlines d = properties.deadlines();
        WorkingCalendar calendar = new WorkingCalendar(d.zone(), new HashSet<>(dates(d.holidays())),
                new HashSet<>(dates(d.makeUpWorkdays())));
        List<TimeLimits.Rule> rules = d.rules().stream().map(r -> new TimeLimits.Rule(r.jurisdiction(), r.urgency(),
                r.mode(), r.requestType(), limit(r.signFor()), limit(r.completion()))).toList();
        return new DeadlinePolicy(new TimeLimits(rules), calendar);
    }

    @Bean
    public DeadlineBuckets deadlineBuckets(@org.springframework.beans.factory.annotation.Qualifier(cn.linkage.hub.storage.MongoConfiguration.DERIVED) MongoDatabase database) {
        return new DeadlineBuckets(database);
    }

    @Bean
    @ConditionalOnProperty(name = "linkage.mode", havingValue = "serve", matchIfMissing = true)
    public DeadlinePoller deadlinePoller(DeadlineBuckets buckets, CommandGateway commands, Clock clock,
                                         HubProperties properties) {
        return new DeadlinePoller(buckets, commands, clock, properties.deadlines().pollEvery(),
                properties.deadlines().lookBack());
    }

    private static List<LocalDate> dates(List<String> days) {
        return days.stream().map(String::trim).map(LocalDate::parse).toList();
    }

    private static TimeLimit limit(String text) {
        return text == null || text.isBlank() ? null : TimeLimit.parse(text);
    }
}
