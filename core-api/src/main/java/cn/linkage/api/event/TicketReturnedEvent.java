package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;

/** A party returned (退回) the ticket; returnCount counts all returns of this ticket so far. */
public record TicketReturnedEvent(TicketId ticketId, RequestId requestId, Actor actor, PartyCode party, ReturnReason reason, String reasonText, int returnCount, Instant occurredAt)
        implements TicketEvent {
}
