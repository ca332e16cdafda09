package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;

/** The holder dispatched the ticket to a handling unit. */
public record TicketDispatchedEvent(TicketId ticketId, RequestId requestId, Actor actor, PartyCode handlingUnit, String instruction, Instant occurredAt)
        implements TicketEvent {
}
