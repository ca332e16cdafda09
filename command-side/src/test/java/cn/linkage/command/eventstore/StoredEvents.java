package cn.linkage.command.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Small builders and readers shared by the engine's behaviour tests. */
final class StoredEvents {

    static final String TICKET_TYPE = "Ticket";

    private StoredEvents() {
    }

    static DomainEventMessage<String> ticketEvent(String ticketId, long sequenceNumber) {
        return new GenericDomainEventMessage<>(TICKET_TYPE, ticketId, sequenceNumber,
                                               "event " + sequenceNumber + " of " + ticketId);
    }

    static List<DomainEventMessage<?>> ticketEvents(String ticketId, long firstSequenceNumber, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (long sequence = firstSequenceNumber; sequence < firstSequenceNumber + count; sequence++) {
            events.add(ticketEvent(ticketId, sequence));
        }
        return events;
    }

    static List<Long> sequenceNumbersOf(EventStorageEngine engine, String aggregateId) {
        return engine.readEvents(aggregateId).asStream().map(DomainEventMessage::getSequenceNumber).toList();
    }

    /** Reads everything the store currently offers after {@code from}; the list is empty when caught up. */
    static List<TrackedEventMessage<?>> readAfter(EventStorageEngine engine, TrackingToken from) {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(from, false)) {
            return stream.collect(Collectors.toList());
        }
    }

    static TrackingToken lastTokenOf(List<TrackedEventMessage<?>> events, TrackingToken otherwise) {
        return events.isEmpty() ? otherwise : events.get(events.size() - 1).trackingToken();
    }

    static List<String> identifiersOf(List<? extends EventMessage<?>> events) {
        return events.stream().map(EventMessage::getIdentifier).toList();
    }
}
