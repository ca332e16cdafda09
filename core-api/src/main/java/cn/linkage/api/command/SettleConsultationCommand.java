package cn.linkage.api.command;

import cn.linkage.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The consultation's outcome: the party that takes the ticket (R4, R8). */
public record SettleConsultationCommand(@TargetAggregateIdentifier TicketId ticketId, RequestId requestId, Actor actor, PartyCode agreedOwner, String note)
        implements TicketCommand {
}
