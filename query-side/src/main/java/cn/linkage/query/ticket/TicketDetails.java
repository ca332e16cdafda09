package cn.linkage.query.ticket;

import cn.linkage.api.*;
import java.time.Instant;
import java.util.List;

/**
 * A ticket as its events tell it, right now. Holds the caller unmasked: callers of this type decide
 * who may see what ({@link #withCallerMasked()} for everyone else).
 *
 * @param sensitive          whether the matter was marked a public-opinion (舆情) matter (R6)
 * @param sensitiveReason    why it was marked, or {@code null}
 * @param agreedReplyWording the reply wording both sides agreed last (R6), or {@code null}
 * @param version            the number of events folded in, an etag-like counter
 */
public record TicketDetails(
        TicketId ticketId, PartyCode originPlatform, TicketKind kind, Channel channel,
        String originTicketNumber, Caller caller, Location location, String requestType,
        String requestItem, String description, Urgency urgency, Instant receiveTime, TicketState state,
        PartyCode holder, List<PartyDetails> parties, int returnCount, Closure closure,
        Satisfaction satisfaction, int supervisionCount, boolean escalated, boolean reopened,
        boolean sensitive, String sensitiveReason, String agreedReplyWording,
        long version, Instant updateTime) {

    public TicketDetails withCallerMasked() {
        return new TicketDetails(ticketId, originPlatform, kind, channel, originTicketNumber,
                caller == null ? null : caller.masked(), location, requestType, requestItem, description, urgency,
                receiveTime, state, holder, parties, returnCount, closure, satisfaction, supervisionCount,
                escalated, reopened, sensitive, sensitiveReason, agreedReplyWording, version, updateTime);
    }

    public record PartyDetails(PartyCode party, PartyRole role, PartyStatus status, String partyTicketNumber,
                               Instant acceptTime, boolean resultReported, ReturnReason returnReason,
                               String returnReasonText) {
    }

    public record Closure(String result, boolean resolved, Instant closeTime, PartyCode closedBy) {
    }

    public record Satisfaction(int score, String comment, Instant rateTime) {
    }
}
