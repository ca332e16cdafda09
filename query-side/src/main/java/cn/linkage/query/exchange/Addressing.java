package cn.linkage.query.exchange;

import cn.linkage.api.PartyCode;
import cn.linkage.api.PartyStatus;
import cn.linkage.api.event.*;
import cn.linkage.query.ticket.TicketDetails;
import cn.linkage.query.ticket.TicketDetails.PartyDetails;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who must hear of a step, given the ticket as it stood just before it. The actor never receives its
 * own step; the closed loop (R10) is that whoever handed a ticket over hears what became of it.
 */
public final class Addressing {

    private Addressing() {
    }

    public static Set<PartyCode> recipients(TicketDetails before, TicketEvent event) {
        Set<PartyCode> to = new LinkedHashSet<>();
        if (event instanceof TicketTransferredEvent e) {
            to.addAll(e.targets());
        } else if (event instanceof TicketAcceptedEvent || event instanceof TicketReturnedEvent) {
            to.add(before.holder()); // the sender, who keeps the ticket until someone signs (R4)
        } else if (event instanceof TicketDispatchedEvent e) {
            to.add(e.handlingUnit());
        } else if (event instanceof TicketEscalatedEvent e) {
            to.add(e.target());
            to.add(before.holder());
        } else if (event instanceof FeedbackRecordedEvent) {
            to.add(before.originPlatform());
            to.add(before.holder());
        } else if (event instanceof TicketClosedEvent || event instanceof SatisfactionRatedEvent
                   || event instanceof TicketReopenedEvent) {
            to.add(before.originPlatform());
            to.add(before.holder());
            acceptedParties(before, to);
        } else if (event instanceof TicketSupervisedEvent || event instanceof ConsultationRequestedEvent
                   || event instanceof ConsultationSettledEvent) {
            to.add(before.holder());
            partiesStillInvolved(before, to);
        } else if (event instanceof TicketMarkedSensitiveEvent || event instanceof ReplyWordingAgreedEvent) {
            // R6: a sensitive matter and its one reply wording reach both sides, the origin included.
            to.add(before.originPlatform());
            to.add(before.holder());
            partiesStillInvolved(before, to);
        }
        // Received and CallerDetailsViewed concern no one else.
        to.remove(event.actor().party());
        to.remove(event.actor().platform());
        return to;
    }

    private static void partiesStillInvolved(TicketDetails before, Set<PartyCode> to) {
        before.parties().stream().filter(p -> p.status() != PartyStatus.RETURNED).map(PartyDetails::party)
                .forEach(to::add);
    }

    private static void acceptedParties(TicketDetails before, Set<PartyCode> to) {
        before.parties().stream().filter(p -> p.status() == PartyStatus.ACCEPTED).map(PartyDetails::party)
                .forEach(to::add);
    }
}
