package cn.linkage.api.command;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A named target sends back (退回) what it was handed, with a reason. */
public record ReturnTicketCommand(@TargetAggregateIdentifier TicketId ticketId, RequestId requestId, Actor actor, ReturnReason reason, String reasonText)
        implements TicketCommand {
}
