package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;

/** A party escalated the ticket to the target (110) because the dispute intensified (R5). */
public record TicketEscalatedEvent(TicketId ticketId, RequestId requestId, Actor actor, PartyCode party, PartyCode target, String reason, Instant occurredAt)
        implements TicketEvent {
}
