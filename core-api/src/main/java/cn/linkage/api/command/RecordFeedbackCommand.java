package cn.linkage.api.command;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A party reports progress or its result back to the sender (the closed loop). */
public record RecordFeedbackCommand(@TargetAggregateIdentifier TicketId ticketId, RequestId requestId, Actor actor, FeedbackKind kind, String text)
        implements TicketCommand {
}
