package cn.linkage.hub.exchange;

import cn.linkage.api.event.TicketEvent;
import cn.linkage.query.ticket.TicketDetails;
import cn.linkage.query.ticket.TicketDetailsFold;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The state of each ticket just before the step a stream is at, kept per stream for the tickets it
 * saw recently and rebuilt from the ticket's own events (one keyed read) when it is not at hand.
 */
final class TicketStates {

    private static final int CAPACITY = 10_000;

    private final EventStore events;
    private final Map<String, Folded> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Folded> eldest) {
            return size() > CAPACITY;
        }
    };

    TicketStates(EventStore events) {
        this.events = events;
    }

    /** The ticket before {@code step}, then remembers the ticket after it. */
    TicketDetails before(DomainEventMessage<?> step) {
        String ticket = step.getAggregateIdentifier();
        Folded folded = recent.get(ticket);
        if (folded == null || folded.lastSequence != step.getSequenceNumber() - 1) {
            folded = rebuild(ticket, step.getSequenceNumber());
        }
        TicketDetails before = folded.fold.result().orElse(null);
        folded.fold.apply((TicketEvent) step.getPayload());
        folded.lastSequence = step.getSequenceNumber();
        recent.put(ticket, folded);
        return before;
    }

    private Folded rebuild(String ticket, long upTo) {
        Folded folded = new Folded();
        if (upTo == 0) {
            return folded; // a ticket's first step: nothing before it to read
        }
        events.readEvents(ticket).asStream()
                .filter(message -> message.getSequenceNumber() < upTo && message.getPayload() instanceof TicketEvent)
                .forEach(message -> {
                    folded.fold.apply((TicketEvent) message.getPayload());
                    folded.lastSequence = message.getSequenceNumber();
                });
        return folded;
    }

    private static final class Folded {
        private final TicketDetailsFold fold = new TicketDetailsFold();
        private long lastSequence = -1;
    }
}
