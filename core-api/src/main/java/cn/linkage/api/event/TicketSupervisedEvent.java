package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;

/** A supervisor pressed (督办) the parties about the ticket. */
public record TicketSupervisedEvent(TicketId ticketId, RequestId requestId, Actor actor, String note, Instant occurredAt)
        implements TicketEvent {
}
