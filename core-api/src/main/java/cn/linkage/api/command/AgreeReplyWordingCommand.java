package cn.linkage.api.command;

import cn.linkage.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * R6: records the one reply wording both sides agreed for a sensitive matter, so 12345 and 110 never
 * tell the caller or the press two different things. A later agreement replaces the earlier one.
 *
 * @param wording the agreed text to answer with
 */
public record AgreeReplyWordingCommand(@TargetAggregateIdentifier TicketId ticketId, RequestId requestId, Actor actor,
                                       String wording) implements TicketCommand {
}
