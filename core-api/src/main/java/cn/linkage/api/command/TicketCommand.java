package cn.linkage.api.command;

import cn.linkage.api.Actor;
import cn.linkage.api.RequestId;
import cn.linkage.api.TicketId;

/** What every ticket command carries: the ticket, the idempotency key and who acts. */
public interface TicketCommand {

    TicketId ticketId();

    RequestId requestId();

    Actor actor();
}
