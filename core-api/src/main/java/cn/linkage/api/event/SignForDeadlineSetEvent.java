package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;

/**
 * A party was handed the ticket (transfer, dispatch or escalation) and must sign for it (签收) by
 * {@code dueAt}. Recorded with the step that handed it over, under the same request id.
 *
 * @param limit the rule applied, for the audit trail, e.g. {@code "2h"} or {@code "1wd"} (working days)
 */
public record SignForDeadlineSetEvent(TicketId ticketId, RequestId requestId, Actor actor, PartyCode party, Instant dueAt, String limit, Instant occurredAt)
        implements TicketEvent {
}
