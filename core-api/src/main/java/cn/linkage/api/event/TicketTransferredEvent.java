package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;

/**
 * The holder handed the ticket to the targets; it stays the owner until one accepts (R4). The catalogue
 * row and version record which rule of the diversion list the transfer followed (R3); the row is null
 * when the matter is in no row.
 */
public record TicketTransferredEvent(TicketId ticketId, RequestId requestId, Actor actor, PartyCode from, List<PartyCode> targets, LinkageMode mode, String reason, boolean callerNumberCarried, ThreePartyCall threePartyCall, String catalogueRow, String catalogueVersion, Instant occurredAt)
        implements TicketEvent {
}
