package cn.linkage.query.ticket;

import cn.linkage.api.*;
import cn.linkage.api.event.*;
import cn.linkage.query.ticket.TicketDetails.Closure;
import cn.linkage.query.ticket.TicketDetails.PartyDetails;
import cn.linkage.query.ticket.TicketDetails.Satisfaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Folds one ticket's events, in order, into its {@link TicketDetails}. Pure: the same events always
 * give the same details, so the hub can serve a ticket straight from the event store.
 */
public final class TicketDetailsFold {

    private TicketReceivedEvent received;
    private PartyCode holder;
    private TicketState state;
    private TicketState stateBeforeHandover;
    private final Map<PartyCode, PartyDetails> parties = new LinkedHashMap<>();
    private int returnCount;
    private Closure closure;
    private Satisfaction satisfaction;
    private int supervisionCount;
    private boolean escalated;
    private boolean reopened;
    private boolean sensitive;
    private String sensitiveReason;
    private String agreedReplyWording;
    private long version;
    private TicketEvent last;

    public static Optional<TicketDetails> fold(Iterable<?> events) {
        TicketDetailsFold fold = new TicketDetailsFold();
        events.forEach(event -> {
            if (event instanceof TicketEvent ticketEvent) {
                fold.apply(ticketEvent);
            }
        });
        return fold.result();
    }

    public void apply(TicketEvent event) {
        version++;
        last = event;
        if (event instanceof TicketReceivedEvent e) {
            received = e;
            holder = e.actor().platform();
            state = TicketState.RECEIVED;
        } else if (event instanceof TicketTransferredEvent e) {
            stateBeforeHandover = state;
            state = TicketState.AWAITING_ACCEPTANCE;
            e.targets().forEach(t -> parties.put(t, pending(t, PartyRole.TRANSFER_TARGET)));
        } else if (event instanceof TicketAcceptedEvent e) {
            update(e.party(), p -> new PartyDetails(p.party(), p.role(), PartyStatus.ACCEPTED,
                    e.partyTicketNumber(), e.occurredAt(), p.resultReported(), null, null));
            if (e.holderChanged()) {
                holder = e.party();
                state = TicketState.IN_HANDLING;
            }
        } else if (event instanceof TicketReturnedEvent e) {
            update(e.party(), p -> new PartyDetails(p.party(), p.role(), PartyStatus.RETURNED,
                    p.partyTicketNumber(), p.acceptTime(), false, e.reason(), e.reasonText()));
            returnCount = e.returnCount();
            boolean anyPendingHandover = parties.values().stream()
                    .anyMatch(p -> p.status() == PartyStatus.PENDING && p.role() != PartyRole.HANDLING_UNIT);
            if (state == TicketState.AWAITING_ACCEPTANCE && !anyPendingHandover) {
                state = stateBeforeHandover;
            }
        } else if (event instanceof TicketDispatchedEvent e) {
            parties.put(e.handlingUnit(), pending(e.handlingUnit(), PartyRole.HANDLING_UNIT));
            state = TicketState.IN_HANDLING;
        } else if (event instanceof FeedbackRecordedEvent e) {
            if (e.kind() == FeedbackKind.RESULT) {
                update(e.party(), p -> new PartyDetails(p.party(), p.role(), p.status(), p.partyTicketNumber(),
                        p.acceptTime(), true, p.returnReason(), p.returnReasonText()));
            }
        } else if (event instanceof TicketEscalatedEvent e) {
            parties.put(e.target(), pending(e.target(), PartyRole.ESCALATION_TARGET));
            escalated = true;
        } else if (event instanceof TicketSupervisedEvent e) {
            supervisionCount++;
        } else if (event instanceof TicketMarkedSensitiveEvent e) {
            sensitive = true;
            sensitiveReason = e.reason();
        } else if (event instanceof ReplyWordingAgreedEvent e) {
            agreedReplyWording = e.wording();
        } else if (event instanceof TicketClosedEvent e) {
            state = TicketState.CLOSED;
            closure = new Closure(e.result(), e.resolved(), e.occurredAt(), e.actor().party());
            satisfaction = null;
        } else if (event instanceof GuidanceGivenEvent e) {
            state = TicketState.CLOSED;
            closure = new Closure("guidance (" + e.scopeRule() + "): " + e.guidance(), true, e.occurredAt(),
                    e.actor().party());
        } else if (event instanceof SatisfactionRatedEvent e) {
            satisfaction = new Satisfaction(e.score(), e.comment(), e.occurredAt());
        } else if (event instanceof TicketReopenedEvent e) {
            state = TicketState.IN_HANDLING;
            reopened = true;
            closure = null;
            parties.replaceAll((code, p) -> new PartyDetails(p.party(), p.role(), p.status(),
                    p.partyTicketNumber(), p.acceptTime(), false, p.returnReason(), p.returnReasonText()));
        }
        // Events added later (deadlines, catalogue decisions) do not change these details.
    }

    /** Whether the ticket's receipt was folded, i.e. {@link #result} is present. */
    public boolean hasReceipt() {
        return received != null;
    }

    public Optional<TicketDetails> result() {
        if (received == null) {
            return Optional.empty();
        }
        TicketReceivedEvent r = received;
        return Optional.of(new TicketDetails(r.ticketId(), r.actor().platform(), r.kind(), r.channel(),
                r.originTicketNumber(), r.caller(), r.location(), r.requestType(), r.requestItem(), r.description(),
                r.urgency(), r.receivedAt(), state, holder, new ArrayList<>(parties.values()), returnCount, closure,
                satisfaction, supervisionCount, escalated, reopened, sensitive, sensitiveReason,
                agreedReplyWording, version, last.occurredAt()));
    }

    private static PartyDetails pending(PartyCode party, PartyRole role) {
        return new PartyDetails(party, role, PartyStatus.PENDING, null, null, false, null, null);
    }

    private void update(PartyCode party, java.util.function.UnaryOperator<PartyDetails> change) {
        parties.computeIfPresent(party, (code, details) -> change.apply(details));
    }
}
