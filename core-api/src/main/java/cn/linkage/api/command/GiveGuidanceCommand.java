package cn.linkage.api.command;

import cn.linkage.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The first platform ends a matter that is in neither scope (R1, R3) with guidance to the caller
 * instead of a transfer; the outcome is recorded like any other.
 *
 * @param scopeRule the out-of-scope id of the catalogue that applies, e.g. R1-LITIGATION
 */
public record GiveGuidanceCommand(@TargetAggregateIdentifier TicketId ticketId, RequestId requestId, Actor actor,
                                  String scopeRule, String guidance) implements TicketCommand {
}
