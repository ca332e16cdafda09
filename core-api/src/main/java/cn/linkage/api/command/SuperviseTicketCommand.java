package cn.linkage.api.command;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The supervision office or a platform presses (督办) the parties about a ticket. */
public record SuperviseTicketCommand(@TargetAggregateIdentifier TicketId ticketId, RequestId requestId, Actor actor, String note)
        implements TicketCommand {
}
