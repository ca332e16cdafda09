package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;

/** The holder closed (办结) the ticket. */
public record TicketClosedEvent(TicketId ticketId, RequestId requestId, Actor actor, String result, boolean resolved, Instant occurredAt)
        implements TicketEvent {
}
