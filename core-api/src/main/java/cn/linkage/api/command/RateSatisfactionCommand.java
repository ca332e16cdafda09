package cn.linkage.api.command;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The origin platform records the caller's satisfaction with a closed ticket (1–5). */
public record RateSatisfactionCommand(@TargetAggregateIdentifier TicketId ticketId, RequestId requestId, Actor actor, int score, String comment)
        implements TicketCommand {
}
