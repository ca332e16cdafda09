package cn.linkage.command.ticket;

import cn.linkage.api.NotPermittedException;
import cn.linkage.api.PartyCode;
import cn.linkage.api.TicketId;
import cn.linkage.api.TicketRuleViolation;

/**
 * R6 public opinion (舆情): a sensitive matter is shared between both sides with one agreed reply
 * wording. Whoever shares the ticket — the origin, the holder, a party still taking part — and the
 * supervision office may mark it sensitive and agree its wording; a stranger to the ticket may not,
 * as it would speak for platforms it does not work with.
 * <p>
 * A ticket is marked once: a second mark under a new request id is refused (ALREADY_SENSITIVE), as
 * the ticket refuses a second rating or a second consultation request, so the history keeps the reason
 * the matter became sensitive instead of a pile of marks. The wording, by contrast, is expected to be
 * revised as the story develops; each agreement is a new event that replaces the last.
 */
final class PublicOpinionRule {

    private PublicOpinionRule() {
    }

    /** @param involved a party still taking part, or the supervision office itself */
    static void checkMark(PartyCode party, boolean involved, boolean alreadySensitive, TicketId ticket) {
        requireSharingParty(party, involved, ticket, "mark");
        if (alreadySensitive) {
            throw new TicketRuleViolation("ALREADY_SENSITIVE", "R6: ticket " + ticket + " is already marked sensitive");
        }
    }

    static void checkWording(PartyCode party, boolean involved, boolean sensitive, TicketId ticket) {
        requireSharingParty(party, involved, ticket, "agree the reply wording of");
        if (!sensitive) {
            throw new TicketRuleViolation("NOT_SENSITIVE", "R6: a reply wording is agreed only for a sensitive "
                    + "matter; mark ticket " + ticket + " sensitive first");
        }
    }

    private static void requireSharingParty(PartyCode party, boolean involved, TicketId ticket, String action) {
        if (!involved) {
            throw new NotPermittedException(party + " may not " + action + " ticket " + ticket
                    + ": only its parties and the supervision office share a sensitive matter (R6)");
        }
    }
}
