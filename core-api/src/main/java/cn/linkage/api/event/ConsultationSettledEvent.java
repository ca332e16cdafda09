package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;

/** A consultation settled who owns the ticket; the next transfer must go to that owner. */
public record ConsultationSettledEvent(TicketId ticketId, RequestId requestId, Actor actor, PartyCode agreedOwner, String note, Instant occurredAt)
        implements TicketEvent {
}
