package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;

/** A platform handed a ticket to the hub; the caller fields are personal data. */
public record TicketReceivedEvent(TicketId ticketId, RequestId requestId, Actor actor, TicketKind kind, Channel channel, String originTicketNumber, Caller caller, Location location, String requestType, String requestItem, String description, Urgency urgency, Instant receivedAt, Instant occurredAt)
        implements TicketEvent {
}
