package cn.linkage.hub.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.embedded.EmbeddedStoreBackend;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Axon Mongo extension's sequenced dead-letter queue on the embedded store (mongo-java-server on
 * H2, unique indexes only, no transactions): every operation the dead-lettering invoker and the
 * operator's retry use, with the queries and index creation the extension issues.
 */
class MongoDeadLetterQueueOnEmbeddedStoreTest {

    private MongoServer server;
    private MongoClient client;
    private MongoSequencedDeadLetterQueue<EventMessage<?>> queue;
    private MongoSequencedDeadLetterQueue<EventMessage<?>> otherGroupsQueue;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new EmbeddedStoreBackend(new MVStore.Builder().open()));
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        queue = queue("supervision-board");
        otherGroupsQueue = queue("audit-party-activity");
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void enqueuedLettersAreFoundByTheirSequenceAndCountedPerGroup() {
        queue.enqueue("ticket-1", failed(event("ticket-1", 0, 10), new IllegalStateException("bad event")));
        queue.enqueueIfPresent("ticket-1", () -> new GenericDeadLetter<>("ticket-1", event("ticket-1", 1, 11)));
        otherGroupsQueue.enqueue("ticket-2", failed(event("ticket-2", 0, 12), new IllegalArgumentException("bad")));

        assertThat(queue.contains("ticket-1")).isTrue();
        assertThat(queue.contains("ticket-2")).isFalse();
        assertThat(queue.enqueueIfPresent("ticket-3", () -> new GenericDeadLetter<>("ticket-3", event("ticket-3", 0, 13))))
                .isFalse();
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.sequenceSize("ticket-1")).isEqualTo(2);
        assertThat(queue.amountOfSequences()).isEqualTo(1);
        assertThat(otherGroupsQueue.size()).isEqualTo(1);

        List<Long> sequenceNumbers = new ArrayList<>();
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence("ticket-1")) {
            sequenceNumbers.add(((GenericDomainEventMessage<?>) letter.message()).getSequenceNumber());
        }
        assertThat(sequenceNumbers).containsExactly(0L, 1L);
        DeadLetter<? extends EventMessage<?>> first = queue.deadLetterSequence("ticket-1").iterator().next();
        assertThat(first.cause()).hasValueSatisfying(c -> assertThat(c.type()).isEqualTo("java.lang.IllegalStateException"));
    }

    @Test
    void processingASequenceEvictsItsLettersInOrderAndStopsAtTheFirstThatFailsAgain() {
        queue.enqueue("ticket-1", failed(event("ticket-1", 0, 10), new IllegalStateException("bad event")));
        queue.enqueueIfPresent("ticket-1", () -> new GenericDeadLetter<>("ticket-1", event("ticket-1", 1, 11)));
        queue.enqueueIfPresent("ticket-1", () -> new GenericDeadLetter<>("ticket-1", event("ticket-1", 2, 12)));

        List<Long> tried = new ArrayList<>();
        boolean done = queue.process(letter -> true, letter -> {
            long sequence = ((GenericDomainEventMessage<?>) letter.message()).getSequenceNumber();
            tried.add(sequence);
            return sequence == 1 ? Decisions.requeue(new IllegalStateException("still bad")) : Decisions.evict();
        });
        assertThat(done).isFalse();
        assertThat(tried).containsExactly(0L, 1L);
        assertThat(queue.sequenceSize("ticket-1")).isEqualTo(2);
        DeadLetter<? extends EventMessage<?>> head = queue.deadLetterSequence("ticket-1").iterator().next();
        assertThat(head.cause()).hasValueSatisfying(c -> assertThat(c.message()).isEqualTo("still bad"));

        tried.clear();
        assertThat(queue.process(letter -> true, letter -> {
            tried.add(((GenericDomainEventMessage<?>) letter.message()).getSequenceNumber());
            return Decisions.evict();
        })).isTrue();
        assertThat(tried).containsExactly(1L, 2L);
        assertThat(queue.size()).isZero();
        assertThat(queue.contains("ticket-1")).isFalse();
    }

    @Test
    void aQueueOpenedAgainOnTheSameStoreSeesTheLettersAndCreatesItsIndexesAgain() {
        queue.enqueue("ticket-1", failed(event("ticket-1", 0, 10), new IllegalStateException("bad event")));
        MongoSequencedDeadLetterQueue<EventMessage<?>> reopened = queue("supervision-board");
        assertThat(reopened.size()).isEqualTo(1);
        reopened.enqueueIfPresent("ticket-1", () -> new GenericDeadLetter<>("ticket-1", event("ticket-1", 1, 11)));
        assertThat(reopened.sequenceSize("ticket-1")).isEqualTo(2);
    }

    private MongoSequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "linkage").build())
                .serializer(JacksonSerializer.builder().objectMapper(new ObjectMapper()
                        .registerModule(new JavaTimeModule())).build())
                .build();
    }

    private static DeadLetter<EventMessage<?>> failed(EventMessage<?> event, Throwable cause) {
        return new GenericDeadLetter<>(((GenericTrackedDomainEventMessage<?>) event).getAggregateIdentifier(), event, cause);
    }

    private static EventMessage<?> event(String ticket, long sequence, long position) {
        return new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(position, List.of()),
                new GenericDomainEventMessage<>("Ticket", ticket, sequence, Map.of("ticket", ticket)));
    }
}
