package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;

/** A consultation (会商) was requested because the ticket kept coming back (R4, R8). */
public record ConsultationRequestedEvent(TicketId ticketId, RequestId requestId, Actor actor, PartyCode requestedBy, int returnCount, String reason, Instant occurredAt)
        implements TicketEvent {
}
