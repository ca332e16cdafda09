package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;

/**
 * The party had not signed for the ticket when its sign-for deadline {@code dueAt} passed: an
 * overdue sign-for (签收超时) that supervision counts against the party (R9).
 */
public record SignForOverdueEvent(TicketId ticketId, RequestId requestId, Actor actor, PartyCode party, Instant dueAt, Instant occurredAt)
        implements TicketEvent {
}
