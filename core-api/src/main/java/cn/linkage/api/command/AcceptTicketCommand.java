package cn.linkage.api.command;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A named target signs for (签收) what it was handed, under its own ticket number. */
public record AcceptTicketCommand(@TargetAggregateIdentifier TicketId ticketId, RequestId requestId, Actor actor, String partyTicketNumber)
        implements TicketCommand {
}
