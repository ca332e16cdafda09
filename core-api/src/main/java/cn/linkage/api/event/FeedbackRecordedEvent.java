package cn.linkage.api.event;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;

/** A party reported progress or its result back to the sender. */
public record FeedbackRecordedEvent(TicketId ticketId, RequestId requestId, Actor actor, PartyCode party, FeedbackKind kind, String text, Instant occurredAt)
        implements TicketEvent {
}
