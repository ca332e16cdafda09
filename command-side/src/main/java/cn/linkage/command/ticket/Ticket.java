package cn.linkage.command.ticket;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.linkage.api.DeadlineKind;
import cn.linkage.api.FeedbackKind;
import cn.linkage.api.LinkageMode;
import cn.linkage.api.LinkagePolicy;
import cn.linkage.api.NotPermittedException;
import cn.linkage.api.PartyCode;
import cn.linkage.api.PartyRole;
import cn.linkage.api.PartyStatus;
import cn.linkage.api.RequestId;
import cn.linkage.api.RequestIdReusedException;
import cn.linkage.api.TicketAlreadyExistsException;
import cn.linkage.api.TicketId;
import cn.linkage.api.TicketRuleViolation;
import cn.linkage.api.TicketState;
import cn.linkage.api.Urgency;
import cn.linkage.api.command.*;
import cn.linkage.command.catalogue.CatalogueVersions;
import cn.linkage.command.catalogue.LinkageRouter;
import cn.linkage.api.event.*;
import cn.linkage.command.deadline.DeadlinePolicy;
import cn.linkage.command.deadline.DeadlinePolicy.Deadline;
import cn.linkage.command.deadline.TimeLimits.Situation;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A work order or alarm ticket through its whole life. Command handlers decide (and refuse with a
 * {@link TicketRuleViolation} or {@link NotPermittedException}); event sourcing handlers only assign.
 * Every handler first drops a retried request (same request id, same request), so a retry is applied
 * once; an id already used here for a different request is refused ({@link RequestIdReusedException}).
 * Handing a ticket to a party sets its sign-for deadline, signing for it sets its completion deadline
 * (R7, R9); the hub's deadline clock reports passed deadlines and the ticket decides if they were missed.
 */
public class Ticket {

    @AggregateIdentifier
    private TicketId ticketId;
    private PartyCode origin;
    private PartyCode holder;
    private TicketState state;
    private TicketState stateBeforeHandover;
    private Urgency urgency;
    private String divisionCode;
    private String requestType;
    private String requestItem;
    /** The catalogue version the first transfer was checked against; the ticket keeps routing by it. */
    private String routedWithVersion;
    private LinkageMode lastTransferMode;
    private final OpenDeadlines deadlines = new OpenDeadlines();
    private final Consultation consultation = new Consultation();
    private boolean rated;
    private boolean sensitive;
    private final Parties parties = new Parties();
    /** Every request id this ticket has recorded a step under, with the request it was bound to. */
    private final Map<String, RequestId> handledRequests = new HashMap<>();

    protected Ticket() {
        // Required by Axon to rebuild the aggregate from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReceiveTicketCommand c, Clock clock) {
        if (ticketId != null) {
            if (isRetry(c)) {
                return;
            }
            throw new TicketAlreadyExistsException("ticket " + c.originTicketNumber() + " of platform "
                    + c.actor().platform() + " was already handed over under another request id");
        }
        apply(new TicketReceivedEvent(c.ticketId(), c.requestId(), c.actor(), c.kind(), c.channel(),
                c.originTicketNumber(), c.caller(), c.location(), c.requestType(), c.requestItem(),
                c.description(), c.urgency(), c.receivedAt(), clock.instant()));
    }

    @CommandHandler
    public void handle(TransferTicketCommand c, Clock clock, LinkagePolicy policy, DeadlinePolicy deadlinePolicy,
                       CatalogueVersions catalogues) {
        if (isRetry(c)) {
            return;
        }
        requireOpen();
        requireHolder(c, "transfer");
        requireNoPendingHandover("transfer");
        List<PartyCode> targets = List.copyOf(c.targets());
        if (targets.isEmpty() || targets.contains(holder) || Set.copyOf(targets).size() != targets.size()) {
            throw new TicketRuleViolation("INVALID_TARGETS",
                    "targets must be distinct, at least one, and not the holder " + holder);
        }
        consultation.checkTransfer(ticketId, targets, c.threePartyCall(), policy.returnsBeforeConsultation());
        DiversionRule.Basis basis = DiversionRule.check(catalogues.routerFor(routedWithVersion), holder, requestType,
                requestItem, urgency, targets, c.threePartyCall());
        Instant now = clock.instant();
        apply(new TicketTransferredEvent(ticketId, c.requestId(), c.actor(), holder, targets, c.mode(),
                c.reason(), true, c.threePartyCall(), basis.row(), basis.catalogueVersion(), now));
        targets.forEach(target -> setSignForDeadline(c, target, c.mode(), now, deadlinePolicy));
    }

    private void setSignForDeadline(TicketCommand c, PartyCode party, LinkageMode mode, Instant now,
                                    DeadlinePolicy deadlinePolicy) {
        Deadline d = deadlinePolicy.deadline(DeadlineKind.SIGN_FOR, situation(mode), now);
        apply(new SignForDeadlineSetEvent(ticketId, c.requestId(), c.actor(), party, d.dueAt(), d.limit(), now));
    }

    private Situation situation(LinkageMode mode) {
        return new Situation(divisionCode, urgency, mode, requestType);
    }

    @CommandHandler
    public void handle(RequestConsultationCommand c, Clock clock) {
        if (isRetry(c)) {
            return;
        }
        requireOpen();
        requireHolder(c, "request consultation on");
        consultation.checkRequest(ticketId);
        apply(new ConsultationRequestedEvent(ticketId, c.requestId(), c.actor(), holder, consultation.returnCount(),
                c.reason(), clock.instant()));
    }

    @CommandHandler
    public void handle(SettleConsultationCommand c, Clock clock) {
        if (isRetry(c)) {
            return;
        }
        requireOpen();
        if (!c.actor().isSupervision()) {
            throw new NotPermittedException("only the supervision office records a consultation's outcome");
        }
        consultation.checkSettlement(ticketId);
        apply(new ConsultationSettledEvent(ticketId, c.requestId(), c.actor(), c.agreedOwner(), c.note(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(AcceptTicketCommand c, Clock clock, DeadlinePolicy deadlinePolicy) {
        if (isRetry(c)) {
            return;
        }
        requireOpen();
        Involvement involvement = requirePendingParty(c, "accept");
        boolean becomesHolder = involvement.role() == PartyRole.TRANSFER_TARGET
                && state == TicketState.AWAITING_ACCEPTANCE;
        Instant now = clock.instant();
        PartyCode party = c.actor().party();
        apply(new TicketAcceptedEvent(ticketId, c.requestId(), c.actor(), party, c.partyTicketNumber(),
                becomesHolder, now));
        LinkageMode mode = involvement.role() == PartyRole.TRANSFER_TARGET ? lastTransferMode : null;
        Deadline d = deadlinePolicy.deadline(DeadlineKind.COMPLETION, situation(mode), now);
        apply(new CompletionDeadlineSetEvent(ticketId, c.requestId(), c.actor(), party, d.dueAt(), d.limit(), now));
    }

    @CommandHandler
    public void handle(ReturnTicketCommand c, Clock clock) {
        if (isRetry(c)) {
            return;
        }
        requireOpen();
        requirePendingParty(c, "return");
        PartyCode party = c.actor().party();
        if (urgency == Urgency.EMERGENCY && party.equals(PartyCode.POLICE_110)) {
            throw new TicketRuleViolation("EMERGENCY_NOT_RETURNABLE", "R4: 110 dispatches first where life, "
                    + "property or public safety is in danger; it cannot return emergency ticket " + ticketId);
        }
        consultation.checkReturn(ticketId, party);
        apply(new TicketReturnedEvent(ticketId, c.requestId(), c.actor(), c.actor().party(), c.reason(),
                c.reasonText(), consultation.returnCount() + 1, clock.instant()));
    }

    @CommandHandler
    public void handle(DispatchTicketCommand c, Clock clock, DeadlinePolicy deadlinePolicy) {
        if (isRetry(c)) {
            return;
        }
        requireOpen();
        requireHolder(c, "dispatch");
        requireNoPendingHandover("dispatch");
        if (urgency == Urgency.EMERGENCY && !policeHasIt()) {
            throw new TicketRuleViolation("POLICE_DISPATCH_FIRST",
                    "R4: emergency ticket " + ticketId + " goes to 110 before any handling unit");
        }
        parties.of(c.handlingUnit()).filter(i -> i.status() != PartyStatus.RETURNED).ifPresent(i -> {
            throw new TicketRuleViolation("ALREADY_DISPATCHED",
                    "ticket " + ticketId + " is already with " + c.handlingUnit());
        });
        Instant now = clock.instant();
        apply(new TicketDispatchedEvent(ticketId, c.requestId(), c.actor(), c.handlingUnit(),
                c.instruction(), now));
        setSignForDeadline(c, c.handlingUnit(), null, now, deadlinePolicy);
    }

    @CommandHandler
    public void handle(RecordFeedbackCommand c, Clock clock) {
        if (isRetry(c)) {
            return;
        }
        requireOpen();
        requireAcceptedParty(c, "feed back on");
        apply(new FeedbackRecordedEvent(ticketId, c.requestId(), c.actor(), c.actor().party(), c.kind(),
                c.text(), clock.instant()));
    }

    @CommandHandler
    public void handle(EscalateTicketCommand c, Clock clock, DeadlinePolicy deadlinePolicy) {
        if (isRetry(c)) {
            return;
        }
        requireOpen();
        PartyCode party = c.actor().party();
        if (!party.equals(holder)) {
            requireAcceptedParty(c, "escalate");
        }
        if (parties.of(PartyCode.POLICE_110).filter(i -> i.status() != PartyStatus.RETURNED).isPresent()
                || PartyCode.POLICE_110.equals(holder)) {
            throw new TicketRuleViolation("POLICE_ALREADY_INVOLVED", "110 already has ticket " + ticketId);
        }
        Instant now = clock.instant();
        apply(new TicketEscalatedEvent(ticketId, c.requestId(), c.actor(), party, PartyCode.POLICE_110,
                c.reason(), now));
        setSignForDeadline(c, PartyCode.POLICE_110, null, now, deadlinePolicy);
    }

    @CommandHandler
    public void handle(SuperviseTicketCommand c, Clock clock) {
        if (isRetry(c)) {
            return;
        }
        requireOpen();
        PartyCode party = c.actor().party();
        if (!c.actor().isSupervision() && !party.equals(origin) && !party.equals(holder)) {
            throw new NotPermittedException(party + " may not supervise ticket " + ticketId
                    + ": only the supervision office, the origin platform or the holder may");
        }
        apply(new TicketSupervisedEvent(ticketId, c.requestId(), c.actor(), c.note(), clock.instant()));
    }

    @CommandHandler
    public void handle(CloseTicketCommand c, Clock clock) {
        if (isRetry(c)) {
            return;
        }
        requireOpen();
        requireHolder(c, "close");
        requireNoPendingHandover("close");
        List<PartyCode> pending = parties.pending();
        List<PartyCode> silent = parties.acceptedWithoutResult(holder);
        if (!pending.isEmpty() || !silent.isEmpty()) {
            throw new TicketRuleViolation("RESULTS_OUTSTANDING", "ticket " + ticketId
                    + " cannot close before every party has fed back its result; waiting for "
                    + (pending.isEmpty() ? silent : pending));
        }
        apply(new TicketClosedEvent(ticketId, c.requestId(), c.actor(), c.result(), c.resolved(),
                clock.instant()));
    }

    /** R1/R3: only the first platform, before any hand-over, answers a matter in neither scope with guidance. */
    @CommandHandler
    public void handle(GiveGuidanceCommand c, Clock clock, CatalogueVersions catalogues) {
        LinkageRouter router = catalogues.routerFor(routedWithVersion);
        if (isRetry(c)) {
            return;
        }
        requireOpen();
        requireHolder(c, "give guidance on");
        if (!holder.equals(origin) || !parties.pending().isEmpty() || state != TicketState.RECEIVED) {
            throw new TicketRuleViolation("ALREADY_HANDED_OVER",
                    "guidance ends a matter at its first platform, before any hand-over; ticket " + ticketId + " is "
                            + state);
        }
        if (router.catalogue().outOfScope().stream().noneMatch(o -> o.id().equals(c.scopeRule()))) {
            throw new TicketRuleViolation("UNKNOWN_SCOPE_RULE", c.scopeRule() + " is not an out-of-scope rule of "
                    + router.catalogue().version());
        }
        DiversionRule.checkGuidance(router.catalogue(), requestType, requestItem, urgency, ticketId);
        apply(new GuidanceGivenEvent(ticketId, c.requestId(), c.actor(), c.scopeRule(), c.guidance(), clock.instant()));
    }

    @CommandHandler
    public void handle(RateSatisfactionCommand c, Clock clock) {
        if (isRetry(c)) {
            return;
        }
        // Who may act is checked before the ticket's state, so a stranger learns nothing about the ticket.
        if (!c.actor().party().equals(origin)) {
            throw new NotPermittedException("only the origin platform " + origin + " rates ticket " + ticketId);
        }
        if (state != TicketState.CLOSED) {
            throw new TicketRuleViolation("NOT_CLOSED", "only a closed ticket can be rated");
        }
        if (rated) {
            throw new TicketRuleViolation("ALREADY_RATED", "ticket " + ticketId + " is already rated");
        }
        if (c.score() < 1 || c.score() > 5) {
            throw new TicketRuleViolation("SCORE_OUT_OF_RANGE", "satisfaction score must be 1 to 5");
        }
        apply(new SatisfactionRatedEvent(ticketId, c.requestId(), c.actor(), c.score(), c.comment(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(ReopenTicketCommand c, Clock clock) {
        if (isRetry(c)) {
            return;
        }
        PartyCode party = c.actor().party();
        if (!party.equals(origin) && !party.equals(holder) && !c.actor().isSupervision()) {
            throw new NotPermittedException(party + " may not reopen ticket " + ticketId);
        }
        if (state != TicketState.CLOSED) {
            throw new TicketRuleViolation("NOT_CLOSED", "only a closed ticket can be reopened");
        }
        apply(new TicketReopenedEvent(ticketId, c.requestId(), c.actor(), c.reason(), clock.instant()));
    }

    /** Allowed in every state, closed included: an auditor's question about a leak has no closing date. */
    @CommandHandler
    public void handle(RecordCallerAccessCommand c, Clock clock) {
        if (isRetry(c)) {
            return;
        }
        PartyCode reader = c.actor().party();
        if (!involves(reader)) {
            throw new NotPermittedException(reader + " takes no part in ticket " + ticketId + " and may not see its caller");
        }
        apply(new CallerDetailsViewedEvent(ticketId, c.requestId(), c.actor(), c.purpose(), clock.instant()));
    }

    /** R6: see {@link PublicOpinionRule}; a closed matter that flares up in the media is reopened first. */
    @CommandHandler
    public void handle(MarkSensitiveCommand c, Clock clock) {
        if (isRetry(c)) {
            return;
        }
        requireOpen();
        PartyCode party = c.actor().party();
        PublicOpinionRule.checkMark(party, involves(party) || c.actor().isSupervision(), sensitive, ticketId);
        apply(new TicketMarkedSensitiveEvent(ticketId, c.requestId(), c.actor(), c.reason(), clock.instant()));
    }

    @CommandHandler
    public void handle(AgreeReplyWordingCommand c, Clock clock) {
        if (isRetry(c)) {
            return;
        }
        requireOpen();
        PartyCode party = c.actor().party();
        PublicOpinionRule.checkWording(party, involves(party) || c.actor().isSupervision(), sensitive, ticketId);
        apply(new ReplyWordingAgreedEvent(ticketId, c.requestId(), c.actor(), c.wording(), clock.instant()));
    }

    /**
     * R9: a passed deadline counts against the party only if it is still the party's current deadline
     * and the party has still not signed for (or completed) the ticket; each deadline is marked once.
     */
    @CommandHandler
    public void handle(MarkDeadlineMissedCommand c, Clock clock) {
        if (isRetry(c)) {
            return;
        }
        if (!c.actor().isSupervision()) {
            throw new NotPermittedException("only the hub's deadline clock, on behalf of the supervision office, "
                    + "marks deadlines missed");
        }
        Instant now = clock.instant();
        if (now.isBefore(c.dueAt())) {
            throw new TicketRuleViolation("NOT_YET_DUE", "the " + c.kind() + " deadline of " + c.party()
                    + " on ticket " + ticketId + " runs until " + c.dueAt());
        }
        if (!deadlines.isRunning(c.party(), c.kind(), c.dueAt())) {
            return; // met, replaced by a newer deadline, or already marked
        }
        Involvement involvement = parties.of(c.party()).orElse(null);
        if (state == TicketState.CLOSED || involvement == null) {
            return;
        }
        if (c.kind() == DeadlineKind.SIGN_FOR && involvement.isPending()) {
            apply(new SignForOverdueEvent(ticketId, c.requestId(), c.actor(), c.party(), c.dueAt(), now));
        } else if (c.kind() == DeadlineKind.COMPLETION && involvement.isAccepted() && !involvement.resultReported()) {
            apply(new CompletionOverdueEvent(ticketId, c.requestId(), c.actor(), c.party(), c.dueAt(), now));
        }
    }

    private boolean policeHasIt() {
        return PartyCode.POLICE_110.equals(holder)
                || parties.of(PartyCode.POLICE_110).filter(Involvement::isAccepted).isPresent();
    }

    /** The origin, the holder, or a party still taking part (one that returned the ticket is out). */
    private boolean involves(PartyCode party) {
        return party.equals(origin) || party.equals(holder) || parties.involves(party);
    }

    /**
     * True for a retry of a request already applied (drop it); refuses an id already used here for another
     * request, which the caller would otherwise take for this one's answer (AIP-155).
     */
    private boolean isRetry(TicketCommand c) {
        RequestId earlier = handledRequests.get(c.requestId().value());
        if (earlier == null) {
            return false;
        }
        if (!earlier.sameRequestAs(c.requestId())) {
            throw new RequestIdReusedException(c.requestId(), "request id " + c.requestId().value()
                    + " was already used on ticket " + ticketId + " for a different request; send a new step "
                    + "under a new request id");
        }
        return true;
    }

    private void requireOpen() {
        if (state == TicketState.CLOSED) {
            throw new TicketRuleViolation("TICKET_CLOSED",
                    "ticket " + ticketId + " is closed: it takes only a rating or a reopening");
        }
    }

    private void requireHolder(TicketCommand c, String action) {
        if (!c.actor().party().equals(holder)) {
            throw new NotPermittedException(c.actor().party() + " may not " + action + " ticket " + ticketId
                    + ": it is held by " + holder);
        }
    }

    private void requireNoPendingHandover(String action) {
        if (parties.anyPendingHandover()) {
            throw new TicketRuleViolation("AWAITING_ACCEPTANCE", "cannot " + action + " ticket " + ticketId
                    + " while " + parties.pending() + " have not signed for it");
        }
    }

    private Involvement requirePendingParty(TicketCommand c, String action) {
        PartyCode party = c.actor().party();
        Involvement involvement = parties.of(party).orElseThrow(() -> new NotPermittedException(
                party + " may not " + action + " ticket " + ticketId + ": it was not handed to " + party));
        if (!involvement.isPending()) {
            throw new TicketRuleViolation("ALREADY_ANSWERED", party + " has already "
                    + involvement.status().name().toLowerCase() + " ticket " + ticketId);
        }
        return involvement;
    }

    private void requireAcceptedParty(TicketCommand c, String action) {
        PartyCode party = c.actor().party();
        Involvement involvement = parties.of(party).orElseThrow(() -> new NotPermittedException(
                party + " may not " + action + " ticket " + ticketId + ": it is not a party to it"));
        if (!involvement.isAccepted()) {
            throw new TicketRuleViolation("NOT_ACCEPTED",
                    party + " must sign for ticket " + ticketId + " before it can " + action + " it");
        }
    }

    @EventSourcingHandler
    void on(TicketReceivedEvent e) {
        ticketId = e.ticketId();
        origin = e.actor().platform();
        holder = origin;
        urgency = e.urgency();
        divisionCode = e.location() == null ? null : e.location().divisionCode();
        requestType = e.requestType();
        requestItem = e.requestItem();
        state = TicketState.RECEIVED;
        remember(e);
    }

    @EventSourcingHandler
    void on(TicketTransferredEvent e) {
        if (routedWithVersion == null) {
            routedWithVersion = e.catalogueVersion();
        }
        stateBeforeHandover = state;
        state = TicketState.AWAITING_ACCEPTANCE;
        lastTransferMode = e.mode();
        e.targets().forEach(target -> parties.bringIn(target, PartyRole.TRANSFER_TARGET));
        remember(e);
    }

    @EventSourcingHandler
    void on(TicketAcceptedEvent e) {
        parties.markStatus(e.party(), PartyStatus.ACCEPTED);
        deadlines.end(e.party(), DeadlineKind.SIGN_FOR);
        consultation.onAccepted(e.party());
        if (e.holderChanged()) {
            holder = e.party();
            state = TicketState.IN_HANDLING;
        }
        remember(e);
    }

    @EventSourcingHandler
    void on(TicketReturnedEvent e) {
        parties.markStatus(e.party(), PartyStatus.RETURNED);
        deadlines.end(e.party(), DeadlineKind.SIGN_FOR);
        consultation.onReturned(e.returnCount());
        if (state == TicketState.AWAITING_ACCEPTANCE && !parties.anyPendingHandover()) {
            state = stateBeforeHandover;
        }
        remember(e);
    }

    @EventSourcingHandler
    void on(TicketDispatchedEvent e) {
        parties.bringIn(e.handlingUnit(), PartyRole.HANDLING_UNIT);
        state = TicketState.IN_HANDLING;
        remember(e);
    }

    @EventSourcingHandler
    void on(FeedbackRecordedEvent e) {
        if (e.kind() == FeedbackKind.RESULT) {
            parties.markResultReported(e.party());
            deadlines.end(e.party(), DeadlineKind.COMPLETION);
        }
        remember(e);
    }

    @EventSourcingHandler
    void on(TicketEscalatedEvent e) {
        parties.bringIn(e.target(), PartyRole.ESCALATION_TARGET);
        remember(e);
    }

    @EventSourcingHandler
    void on(ConsultationRequestedEvent e) {
        consultation.onRequested();
        remember(e);
    }

    @EventSourcingHandler
    void on(ConsultationSettledEvent e) {
        consultation.onSettled(e.agreedOwner());
        remember(e);
    }

    @EventSourcingHandler
    void on(CallerDetailsViewedEvent e) {
        remember(e);
    }

    @EventSourcingHandler
    void on(TicketSupervisedEvent e) {
        remember(e);
    }

    @EventSourcingHandler
    void on(TicketMarkedSensitiveEvent e) {
        sensitive = true;
        remember(e);
    }

    @EventSourcingHandler
    void on(ReplyWordingAgreedEvent e) {
        remember(e); // the wording matters to readers, not to any decision of the ticket
    }

    @EventSourcingHandler
    void on(GuidanceGivenEvent e) {
        state = TicketState.CLOSED;
        deadlines.endAll();
        remember(e);
    }

    @EventSourcingHandler
    void on(TicketClosedEvent e) {
        state = TicketState.CLOSED;
        rated = false;
        deadlines.endAll();
        remember(e);
    }

    @EventSourcingHandler
    void on(SatisfactionRatedEvent e) {
        rated = true;
        remember(e);
    }

    @EventSourcingHandler
    void on(TicketReopenedEvent e) {
        state = TicketState.IN_HANDLING;
        parties.forgetResults();
        remember(e);
    }

    @EventSourcingHandler
    void on(SignForDeadlineSetEvent e) {
        deadlines.set(e.party(), DeadlineKind.SIGN_FOR, e.dueAt());
        remember(e);
    }

    @EventSourcingHandler
    void on(CompletionDeadlineSetEvent e) {
        deadlines.set(e.party(), DeadlineKind.COMPLETION, e.dueAt());
        remember(e);
    }

    @EventSourcingHandler
    void on(SignForOverdueEvent e) {
        deadlines.end(e.party(), DeadlineKind.SIGN_FOR);
        remember(e);
    }

    @EventSourcingHandler
    void on(CompletionOverdueEvent e) {
        deadlines.end(e.party(), DeadlineKind.COMPLETION);
        remember(e);
    }

    private void remember(TicketEvent e) {
        handledRequests.putIfAbsent(e.requestId().value(), e.requestId());
    }
}
