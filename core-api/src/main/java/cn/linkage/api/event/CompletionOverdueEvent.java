package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;

/**
 * The party had not completed the ticket (no RESULT feedback, or not closed by the holder) when its
 * completion deadline {@code dueAt} passed: an overdue completion (办结超时) for supervision (R9).
 */
public record CompletionOverdueEvent(TicketId ticketId, RequestId requestId, Actor actor, PartyCode party, Instant dueAt, Instant occurredAt)
        implements TicketEvent {
}
