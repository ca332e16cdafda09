package cn.linkage.api.command;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The holder closes (办结) the ticket with its result. */
public record CloseTicketCommand(@TargetAggregateIdentifier TicketId ticketId, RequestId requestId, Actor actor, String result, boolean resolved)
        implements TicketCommand {
}
