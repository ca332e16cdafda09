package cn.linkage.api.command;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hand a new ticket to the hub; the acting platform becomes its origin and first holder (R4). */
public record ReceiveTicketCommand(@TargetAggregateIdentifier TicketId ticketId, RequestId requestId, Actor actor, TicketKind kind, Channel channel, String originTicketNumber, Caller caller, Location location, String requestType, String requestItem, String description, Urgency urgency, Instant receivedAt)
        implements TicketCommand {
}
