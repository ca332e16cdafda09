package cn.linkage.api.command;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A party whose dispute intensifies escalates the ticket to 110 (R5). */
public record EscalateTicketCommand(@TargetAggregateIdentifier TicketId ticketId, RequestId requestId, Actor actor, String reason)
        implements TicketCommand {
}
