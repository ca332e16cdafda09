package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;

/** A matter in neither scope ended with guidance (R1, R3); the ticket is closed by it. */
public record GuidanceGivenEvent(TicketId ticketId, RequestId requestId, Actor actor, String scopeRule, String guidance,
                                 Instant occurredAt) implements TicketEvent {
}
