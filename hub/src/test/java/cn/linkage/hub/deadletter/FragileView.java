package cn.linkage.hub.deadletter;

import cn.linkage.api.event.TicketEvent;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A read model of its own processing group, with faults a test turns on: the steps each ticket reached,
 * in the order they were applied. A poisoned event type fails for good (as a handler bug would) until
 * the test fixes it; an outage makes the next handler calls fail as an unreachable store does.
 */
@ProcessingGroup(FragileView.PROCESSING_GROUP)
public class FragileView {

    public static final String PROCESSING_GROUP = "test-fragile-view";
    /** Starts the group as a pooled processor, as application.yml does for the real views. */
    public static final String[] PROCESSOR_ARGS = {
            "--axon.eventhandling.processors." + PROCESSING_GROUP + ".mode=pooled",
            "--axon.eventhandling.processors." + PROCESSING_GROUP + ".thread-count=1"};

    private final MongoCollection<Document> steps;
    private final Map<String, Class<?>> poisoned = new ConcurrentHashMap<>();
    private final AtomicInteger outageCallsLeft = new AtomicInteger();

    public FragileView(MongoDatabase database) {
        this.steps = database.getCollection("test_fragile_view");
    }

    @EventHandler
    public void on(TicketEvent event, @SequenceNumber long sequence) {
        String ticket = event.ticketId().value();
        if (outageCallsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new com.mongodb.MongoSocketReadException("simulated outage: connection reset",
                    new ServerAddress("127.0.0.1", 27017));
        }
        if (event.getClass().equals(poisoned.get(ticket))) {
            throw new IllegalStateException("cannot apply " + event.getClass().getSimpleName() + " (simulated bug)");
        }
        steps.updateOne(Filters.eq("_id", ticket), Updates.push("steps", sequence), new UpdateOptions().upsert(true));
    }

    /** Events of {@code type} of {@code ticketId} fail for good until {@link #fix()}. */
    public void poison(String ticketId, Class<? extends TicketEvent> type) {
        poisoned.put(ticketId, type);
    }

    public void fix() {
        poisoned.clear();
    }

    /** The next {@code calls} handler calls fail as if the store were unreachable. */
    public void failNextCalls(int calls) {
        outageCallsLeft.set(calls);
    }

    public int outageCallsLeft() {
        return outageCallsLeft.get();
    }

    /** The sequence numbers applied for {@code ticketId}, in the order they were applied. */
    public List<Long> stepsOf(String ticketId) {
        Document doc = steps.find(Filters.eq("_id", ticketId)).first();
        return doc == null ? List.of() : doc.getList("steps", Long.class);
    }

    /** Adds the view to a hub started by a test. */
    @Configuration(proxyBeanMethods = false)
    public static class Wiring {

        @Bean
        public FragileView fragileView(MongoDatabase database) {
            return new FragileView(database);
        }
    }
}
