package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;

/**
 * A party signed for the ticket and must complete it (办结: report its RESULT, or close it if it holds
 * the ticket) by {@code dueAt}. Recorded with the acceptance, under the same request id.
 *
 * @param limit the rule applied, for the audit trail, e.g. {@code "24h"} or {@code "3wd"} (working days)
 */
public record CompletionDeadlineSetEvent(TicketId ticketId, RequestId requestId, Actor actor, PartyCode party, Instant dueAt, String limit, Instant occurredAt)
        implements TicketEvent {
}
