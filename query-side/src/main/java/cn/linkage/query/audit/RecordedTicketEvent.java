package cn.linkage.query.audit;

import cn.linkage.api.event.TicketEvent;

/**
 * A ticket event as the store holds it: its place in the ticket, its id, and (once stored with one)
 * its hash in the ticket's chain.
 */
public record RecordedTicketEvent(long sequence, String eventId, TicketEvent payload, String hash) {
}
