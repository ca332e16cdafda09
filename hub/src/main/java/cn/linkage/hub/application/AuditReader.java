package cn.linkage.hub.application;

import cn.linkage.api.TicketId;
import cn.linkage.api.event.TicketEvent;
import cn.linkage.query.audit.RecordedTicketEvent;
import java.util.List;
import java.util.Map;
import cn.linkage.command.eventstore.ChainVerifier;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;

/** Reads a ticket's recorded events for the audit views, straight from the event store. */
public class AuditReader {

    private final EventStore events;
    private final ChainVerifier chains;

    public AuditReader(EventStore events, ChainVerifier chains) {
        this.events = events;
        this.chains = chains;
    }

    public List<RecordedTicketEvent> recorded(TicketId ticketId) {
        Map<Long, String> hashes = chains.hashesOf(ticketId.value());
        List<RecordedTicketEvent> recorded = events.readEvents(ticketId.value()).asStream()
                .filter(message -> message.getPayload() instanceof TicketEvent)
                .map(message -> new RecordedTicketEvent(message.getSequenceNumber(), message.getIdentifier(),
                        (TicketEvent) message.getPayload(), hashes.getOrDefault(message.getSequenceNumber(), "")))
                .toList();
        if (recorded.isEmpty()) {
            throw new AggregateNotFoundException(ticketId.value(), "no such ticket");
        }
        return recorded;
    }
}
