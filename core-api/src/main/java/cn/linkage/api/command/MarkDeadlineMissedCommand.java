package cn.linkage.api.command;

import cn.linkage.api.*;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The hub's deadline clock reports that a deadline set on the ticket has passed. The ticket decides
 * whether it was really missed (the party may have signed or completed meanwhile, or a newer deadline
 * replaced it) and records an overdue event at most once. The request id is derived from ticket,
 * party, kind and due time, so a clock that fires twice (restart, two nodes) is applied once.
 */
public record MarkDeadlineMissedCommand(@TargetAggregateIdentifier TicketId ticketId, RequestId requestId, Actor actor, PartyCode party, DeadlineKind kind, Instant dueAt)
        implements TicketCommand {

    /** The deterministic request id of one deadline's firing. */
    public static RequestId requestIdFor(TicketId ticket, PartyCode party, DeadlineKind kind, Instant dueAt) {
        return new RequestId("deadline:" + ticket.value() + ":" + party.value() + ":" + kind + ":" + dueAt);
    }
}
