package cn.linkage.hub.deadletter;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * What an operator needs to find an event that failed, without its content: the payload holds
 * callers' names and numbers, so it never goes to the log.
 *
 * @param processingGroup the handlers' processing group
 * @param eventType       the payload's simple class name, e.g. {@code TicketTransferredEvent}
 * @param aggregateId     the ticket (or other aggregate), empty if the event has none
 * @param sequence        the event's number within its aggregate, -1 if none
 * @param position        the event's global position in the store, -1 if unknown
 */
public record FailedEvent(String processingGroup, String eventType, String aggregateId, long sequence,
                          long position) {

    public static FailedEvent of(String processingGroup, EventMessage<?> event) {
        String aggregateId = "";
        long sequence = -1;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier() == null ? "" : domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        long position = -1;
        if (event instanceof TrackedEventMessage<?> tracked) {
            TrackingToken token = tracked.trackingToken();
            position = token == null ? -1 : token.position().orElse(-1);
        }
        return new FailedEvent(processingGroup, event.getPayloadType().getSimpleName(), aggregateId, sequence,
                position);
    }

    /** One line for the log: {@code group=… event=… aggregate=… sequence=… position=…}. */
    public String describe() {
        return "group=" + processingGroup + " event=" + eventType + " aggregate=" + aggregateId + " sequence="
                + sequence + " position=" + position;
    }
}
