package cn.linkage.api.command;

import cn.linkage.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * R6 public opinion (舆情): a party of the ticket, or the supervision office, flags a matter that may
 * escalate in the media, so both sides handle it as one and answer it with one agreed wording.
 *
 * @param reason why the matter is sensitive, e.g. a reporter has called about it
 */
public record MarkSensitiveCommand(@TargetAggregateIdentifier TicketId ticketId, RequestId requestId, Actor actor,
                                   String reason) implements TicketCommand {
}
