package cn.linkage.hub.application;

import cn.linkage.api.TicketId;
import cn.linkage.api.event.TicketEvent;
import cn.linkage.query.audit.RecordedTicketEvent;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;

/** Reads a ticket's recorded events for the audit views, straight from the event store. */
public class AuditReader {

    private final EventStore events;

    public AuditReader(EventStore events) {
        this.events = events;
    }

    public List<RecordedTicketEvent> recorded(TicketId ticketId) {
        List<RecordedTicketEvent> recorded = events.readEvents(ticketId.value()).asStream()
                .filter(message -> message.getPayload() instanceof TicketEvent)
                .map(message -> new RecordedTicketEvent(message.getSequenceNumber(), message.getIdentifier(),
                        (TicketEvent) message.getPayload(), String.valueOf(message.getMetaData().getOrDefault("hash", ""))))
                .toList();
        if (recorded.isEmpty()) {
            throw new AggregateNotFoundException(ticketId.value(), "no such ticket");
        }
        return recorded;
    }
}
