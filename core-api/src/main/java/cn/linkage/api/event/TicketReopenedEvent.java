package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;

/** A closed ticket was opened again; parties must report their results anew. */
public record TicketReopenedEvent(TicketId ticketId, RequestId requestId, Actor actor, String reason, Instant occurredAt)
        implements TicketEvent {
}
