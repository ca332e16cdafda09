package cn.linkage.api.command;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Divert a ticket from its holder to one target, or several for joint handling, carrying the caller number (R2, R3). */
public record TransferTicketCommand(@TargetAggregateIdentifier TicketId ticketId, RequestId requestId, Actor actor, List<PartyCode> targets, LinkageMode mode, String reason, ThreePartyCall threePartyCall, String catalogueRow)
        implements TicketCommand {
}
