package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;

/**
 * R6: the reply wording both sides use for a sensitive ticket; the latest of these events is the one
 * in force, the earlier ones stay in the history.
 */
public record ReplyWordingAgreedEvent(TicketId ticketId, RequestId requestId, Actor actor, String wording,
                                      Instant occurredAt) implements TicketEvent {
}
