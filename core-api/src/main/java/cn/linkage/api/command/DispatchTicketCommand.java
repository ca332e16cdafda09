package cn.linkage.api.command;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The holder dispatches (派单) the ticket to a handling unit of attachment 2. */
public record DispatchTicketCommand(@TargetAggregateIdentifier TicketId ticketId, RequestId requestId, Actor actor, PartyCode handlingUnit, String instruction)
        implements TicketCommand {
}
