package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;

/** Someone saw the caller's name and number unmasked, for the stated purpose. */
public record CallerDetailsViewedEvent(TicketId ticketId, RequestId requestId, Actor actor, String purpose,
                                       Instant occurredAt) implements TicketEvent {
}
