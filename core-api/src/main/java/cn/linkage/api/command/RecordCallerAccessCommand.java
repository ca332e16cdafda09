package cn.linkage.api.command;

import cn.linkage.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A party asks to see the caller unmasked; granted only to a party of the ticket and recorded, so the
 * ticket's audit history says who saw the caller, when, and why.
 */
public record RecordCallerAccessCommand(@TargetAggregateIdentifier TicketId ticketId, RequestId requestId, Actor actor,
                                        String purpose) implements TicketCommand {
}
