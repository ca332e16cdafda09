package cn.linkage.api.command;

import cn.linkage.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The holder asks for a consultation (会商) on a ticket whose ownership stays disputed (R4, R8). */
public record RequestConsultationCommand(@TargetAggregateIdentifier TicketId ticketId, RequestId requestId, Actor actor, String reason)
        implements TicketCommand {
}
