package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;

/** A party signed for (签收) the ticket; the first transfer target to do so becomes its holder. */
public record TicketAcceptedEvent(TicketId ticketId, RequestId requestId, Actor actor, PartyCode party, String partyTicketNumber, boolean holderChanged, Instant occurredAt)
        implements TicketEvent {
}
