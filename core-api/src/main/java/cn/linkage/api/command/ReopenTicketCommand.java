package cn.linkage.api.command;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A closed ticket is opened again, e.g. after a complaint about its result. */
public record ReopenTicketCommand(@TargetAggregateIdentifier TicketId ticketId, RequestId requestId, Actor actor, String reason)
        implements TicketCommand {
}
