package cn.linkage.query.views;

import cn.linkage.api.Caller;
import cn.linkage.api.DeadlineKind;
import cn.linkage.api.FeedbackKind;
import cn.linkage.api.event.*;
import cn.linkage.query.ticket.TicketDetails;
import cn.linkage.query.ticket.TicketDetailsFold;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * One ticket as the board sees it after event {@link #sequence}: the {@link TicketDetailsFold} (the one
 * definition of a ticket's state) plus what the board adds — every party that acted, and the deadlines
 * still open. A deadline stays open, marked overdue, after the deadline clock reports it missed: the
 * supervision list shows it red until the party signs for or completes the ticket.
 */
final class BoardTicket {

    private final TicketDetailsFold fold = new TicketDetailsFold();
    private final Set<String> actors = new LinkedHashSet<>();
    private final Map<String, OpenDeadline> deadlines = new LinkedHashMap<>();
    private long sequence = -1;

    long sequence() {
        return sequence;
    }

    /** Whether the ticket's first event (its receipt) was folded: only then is there a document. */
    boolean received() {
        return fold.hasReceipt();
    }

    void apply(TicketEvent event, long eventSequence) {
        fold.apply(event);
        actors.add(event.actor().party().value());
        sequence = eventSequence;
        if (event instanceof SignForDeadlineSetEvent e) {
            open(DeadlineKind.SIGN_FOR, e.party().value(), e.occurredAt(), e.dueAt());
        } else if (event instanceof CompletionDeadlineSetEvent e) {
            open(DeadlineKind.COMPLETION, e.party().value(), e.occurredAt(), e.dueAt());
        } else if (event instanceof TicketAcceptedEvent e) {
            deadlines.remove(key(DeadlineKind.SIGN_FOR, e.party().value()));
        } else if (event instanceof TicketReturnedEvent e) {
            deadlines.remove(key(DeadlineKind.SIGN_FOR, e.party().value()));
            deadlines.remove(key(DeadlineKind.COMPLETION, e.party().value()));
        } else if (event instanceof FeedbackRecordedEvent e && e.kind() == FeedbackKind.RESULT) {
            deadlines.remove(key(DeadlineKind.COMPLETION, e.party().value()));
        } else if (event instanceof SignForOverdueEvent e) {
            markOverdue(DeadlineKind.SIGN_FOR, e.party().value(), e.dueAt());
        } else if (event instanceof CompletionOverdueEvent e) {
            markOverdue(DeadlineKind.COMPLETION, e.party().value(), e.dueAt());
        } else if (event instanceof TicketClosedEvent || event instanceof GuidanceGivenEvent) {
            deadlines.clear();
        }
    }

    /**
     * The board document, or empty before the ticket was received.
     *
     * @param yellowAt the share of a deadline's time after which it shows yellow (near), e.g. 0.8
     */
    Optional<Document> document(double yellowAt) {
        return fold.result().map(d -> document(d, yellowAt));
    }

    private Document document(TicketDetails d, double yellowAt) {
        Set<String> parties = new LinkedHashSet<>();
        parties.add(d.originPlatform().value());
        d.parties().forEach(p -> parties.add(p.party().value()));
        parties.addAll(actors);
        if (d.holder() != null) {
            parties.add(d.holder().value());
        }
        Caller caller = d.caller() == null ? null : d.caller().masked();
        Instant received = d.receiveTime() != null ? d.receiveTime() : d.updateTime();
        Document doc = new Document("_id", d.ticketId().value())
                .append("seq", sequence)
                .append("sortKey", TicketBoardProjection.sortKey(received, d.ticketId().value()))
                .append("originTicketNumber", d.originTicketNumber())
                .append("state", d.state().name())
                .append("holder", d.holder() == null ? null : d.holder().value())
                .append("parties", new ArrayList<>(parties))
                .append("origin", d.originPlatform().value())
                .append("division", d.location() == null ? null : d.location().divisionCode())
                .append("requestType", d.requestType())
                .append("requestItem", d.requestItem())
                .append("urgency", d.urgency() == null ? null : d.urgency().name())
                .append("receivedAt", Date.from(received))
                .append("callerName", caller == null ? null : caller.name())
                .append("callerPhone", caller == null ? null : caller.phoneNumber())
                .append("returnCount", d.returnCount())
                .append("supervisionCount", d.supervisionCount())
                .append("sensitive", d.sensitive())
                .append("sensitiveReason", d.sensitiveReason())
                .append("agreedReplyWording", d.agreedReplyWording())
                .append("updatedAt", Date.from(d.updateTime()));
        appendDeadlines(doc, yellowAt);
        return doc;
    }

    /**
     * Open deadlines as an array, plus the earliest due time ({@code nextDeadline}) and the earliest
     * time one of them turns yellow ({@code warnAt}): the overdue list selects {@code warnAt <= now}.
     */
    private void appendDeadlines(Document doc, double yellowAt) {
        if (deadlines.isEmpty()) {
            return;
        }
        List<Document> open = new ArrayList<>();
        Instant next = null;
        Instant warn = null;
        for (OpenDeadline o : deadlines.values()) {
            Instant turnsYellow = o.setAt().plusMillis((long) (Duration.between(o.setAt(), o.dueAt()).toMillis() * yellowAt));
            open.add(new Document("kind", o.kind().name()).append("party", o.party())
                    .append("setAt", Date.from(o.setAt())).append("dueAt", Date.from(o.dueAt()))
                    .append("warnAt", Date.from(turnsYellow)).append("overdue", o.overdue()));
            next = next == null || o.dueAt().isBefore(next) ? o.dueAt() : next;
            warn = warn == null || turnsYellow.isBefore(warn) ? turnsYellow : warn;
        }
        doc.append("deadlines", open).append("nextDeadline", Date.from(next)).append("warnAt", Date.from(warn))
                .append("deadlineKey", TicketBoardProjection.sortKey(next, (String) doc.get("_id")));
    }

    private void open(DeadlineKind kind, String party, Instant setAt, Instant dueAt) {
        deadlines.put(key(kind, party), new OpenDeadline(kind, party, setAt, dueAt, false));
    }

    private void markOverdue(DeadlineKind kind, String party, Instant dueAt) {
        deadlines.computeIfPresent(key(kind, party), (k, o) -> o.dueAt().equals(dueAt)
                ? new OpenDeadline(kind, party, o.setAt(), dueAt, true) : o);
    }

    private static String key(DeadlineKind kind, String party) {
        return kind.name() + "|" + party;
    }

    private record OpenDeadline(DeadlineKind kind, String party, Instant setAt, Instant dueAt, boolean overdue) {
    }
}
