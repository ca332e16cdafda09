package cn.linkage.command.ticket;

import cn.linkage.api.PartyCode;
import cn.linkage.api.ThreePartyCall;
import cn.linkage.api.TicketId;
import cn.linkage.api.TicketRuleViolation;
import java.util.List;

/**
 * R4: who takes a disputed ticket. A ticket that keeps bouncing is settled by a consultation (会商)
 * or a three-party call, not by yet another transfer; once settled, the agreed owner may not return
 * it, and the next transfer must go to that owner.
 * <p>
 * The {@code check…} methods decide (the ticket's command handlers call them); the {@code on…} methods
 * only record what an event says and are called from the ticket's event sourcing handlers.
 */
final class Consultation {

    private int returnCount;
    private int returnsSinceSettlement;
    private boolean pending;
    private PartyCode agreedOwner;

    int returnCount() {
        return returnCount;
    }

    void checkTransfer(TicketId ticket, List<PartyCode> targets, ThreePartyCall call, int returnsBeforeConsultation) {
        if (agreedOwner != null) {
            if (!targets.equals(List.of(agreedOwner))) {
                throw new TicketRuleViolation("CONSULTATION_OUTCOME",
                        "consultation settled that " + agreedOwner + " takes ticket " + ticket);
            }
            return;
        }
        if (returnsSinceSettlement < returnsBeforeConsultation) {
            return;
        }
        PartyCode agreedOnCall = call == null ? null : call.agreedOwner();
        if (!targets.equals(agreedOnCall == null ? null : List.of(agreedOnCall))) {
            throw new TicketRuleViolation("CONSULTATION_REQUIRED", "ticket " + ticket + " was returned "
                    + returnCount + " times: R4 requires a consultation (会商) or a three-party call agreement");
        }
    }

    void checkRequest(TicketId ticket) {
        if (pending) {
            throw new TicketRuleViolation("CONSULTATION_PENDING", "ticket " + ticket + " already awaits consultation");
        }
        if (returnCount == 0) {
            throw new TicketRuleViolation("NOTHING_DISPUTED", "ticket " + ticket + " was never returned");
        }
    }

    void checkSettlement(TicketId ticket) {
        if (!pending) {
            throw new TicketRuleViolation("NO_CONSULTATION", "ticket " + ticket + " awaits no consultation");
        }
    }

    void checkReturn(TicketId ticket, PartyCode party) {
        if (party.equals(agreedOwner)) {
            throw new TicketRuleViolation("SETTLED_BY_CONSULTATION",
                    "consultation settled that " + party + " takes ticket " + ticket);
        }
    }

    void onReturned(int count) {
        returnCount = count;
        returnsSinceSettlement++;
    }

    void onRequested() {
        pending = true;
    }

    void onSettled(PartyCode owner) {
        pending = false;
        agreedOwner = owner;
        returnsSinceSettlement = 0;
    }

    void onAccepted(PartyCode party) {
        if (party.equals(agreedOwner)) {
            agreedOwner = null; // the settlement is carried out; later transfers follow the usual rules
        }
    }
}
