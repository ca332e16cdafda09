package cn.linkage.api.event;

import cn.linkage.api.Actor;
import cn.linkage.api.RequestId;
import cn.linkage.api.TicketId;
import java.time.Instant;

/**
 * What every ticket event records for the audit trail: the ticket, the request that caused it
 * (so a retry is recognised), who acted, and when the hub recorded it.
 */
public interface TicketEvent {

    TicketId ticketId();

    RequestId requestId();

    Actor actor();

    Instant occurredAt();
}
