package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;

/**
 * R6: the ticket became a public-opinion (舆情) matter; from now on both sides hear of it and answer it
 * with one agreed wording.
 */
public record TicketMarkedSensitiveEvent(TicketId ticketId, RequestId requestId, Actor actor, String reason,
                                         Instant occurredAt) implements TicketEvent {
}
