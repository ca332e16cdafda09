package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;

/** The caller's satisfaction with a closed ticket was recorded. */
public record SatisfactionRatedEvent(TicketId ticketId, RequestId requestId, Actor actor, int score, String comment, Instant occurredAt)
        implements TicketEvent {
}
