package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;

/** The holder handed the ticket to the targets; it stays the owner until one accepts (R4). */
public record TicketTransferredEvent(TicketId ticketId, RequestId requestId, Actor actor, PartyCode from, List<PartyCode> targets, LinkageMode mode, String reason, boolean callerNumberCarried, ThreePartyCall threePartyCall, String catalogueRow, Instant occurredAt)
        implements TicketEvent {
}
