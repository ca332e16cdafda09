package cn.linkage.query.views;

import cn.linkage.api.FeedbackKind;
import cn.linkage.api.PartyCode;
import cn.linkage.api.event.*;
import cn.linkage.query.views.TicketFacts.Fact;
import cn.linkage.query.views.TicketFacts.Kind;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;

/**
 * Unit scorecards (R9): per unit and day, the sets of events that count toward each measure; a
 * month is the sum of its days. Each measure is a set of event keys ({@code ticket#sequence}) filled
 * with {@code $addToSet}, so its count is the set's size and a replayed event changes nothing.
 * Outcomes of a handover (signed for, in time, returned) count on the day the unit was handed the
 * ticket, so a day's rates stay within 0–1; closures, ratings, completions and reopenings on their own
 * day. "In time" compares with the deadline the ticket recorded (SignForDeadlineSet,
 * CompletionDeadlineSet), so working-day limits and the catalogue's situations count as they were.
 */
@ProcessingGroup(UnitScorecardProjection.PROCESSING_GROUP)
public class UnitScorecardProjection implements SupervisionView {

    public static final String PROCESSING_GROUP = "supervision-scorecards";
    public static final String VIEW = "scorecards";

    static final String RECEIVED = "received";
    static final String SIGNED_FOR = "signedFor";
    static final String SIGNED_IN_TIME = "signedInTime";
    static final String COMPLETED = "completed";
    static final String COMPLETED_IN_TIME = "completedInTime";
    static final String CLOSED = "closed";
    static final String RESOLVED = "resolved";
    static final String RATINGS = "ratings";
    static final String RETURNED = "returned";
    static final String MALICIOUS = "maliciousReturned";
    static final String REOPENED = "reopened";

    private final ViewVersions versions;

    public UnitScorecardProjection(ViewVersions versions) {
        this.versions = versions;
    }

    @Override
    public String viewName() {
        return VIEW;
    }

    @Override
    public List<String> parts() {
        return List.of("days", "tickets");
    }

    @EventHandler
    public void on(TicketEvent event, @SequenceNumber long sequence) {
        apply(event, sequence, new LiveViewWriter(versions, VIEW, versions.current(VIEW)));
    }

    @Override
    public void apply(TicketEvent event, long sequence, ViewWriter writer) {
        String ticket = event.ticketId().value();
        String key = Keys.event(ticket, sequence);
        LocalDate today = Keys.day(event.occurredAt());
        if (event instanceof TicketTransferredEvent e) {
            for (PartyCode target : e.targets()) {
                count(writer, target.value(), today, RECEIVED, key);
                TicketFacts.record(writer, ticket, new Fact(sequence, Kind.TRANSFER, target.value(),
                        e.from().value(), row(e.catalogueRow()), e.occurredAt()));
            }
        } else if (event instanceof TicketDispatchedEvent e) {
            count(writer, e.handlingUnit().value(), today, RECEIVED, key);
            TicketFacts.record(writer, ticket, new Fact(sequence, Kind.DISPATCH, e.handlingUnit().value(),
                    e.actor().party().value(), "", e.occurredAt()));
        } else if (event instanceof TicketAcceptedEvent e) {
            String unit = e.party().value();
            TicketFacts facts = TicketFacts.before(writer, ticket, sequence);
            Optional<Fact> handover = facts.lastHandoverTo(unit);
            LocalDate cohort = handover.map(h -> Keys.day(h.at())).orElse(today);
            count(writer, unit, cohort, SIGNED_FOR, key);
            if (facts.metDeadline(Kind.SIGN_FOR_DUE, unit, e.occurredAt())) {
                count(writer, unit, cohort, SIGNED_IN_TIME, key);
            }
            TicketFacts.record(writer, ticket, new Fact(sequence, Kind.ACCEPT, unit, "", "", e.occurredAt()));
        } else if (event instanceof TicketReturnedEvent e) {
            String unit = e.party().value();
            TicketFacts facts = TicketFacts.before(writer, ticket, sequence);
            LocalDate cohort = facts.lastHandoverTo(unit).map(h -> Keys.day(h.at())).orElse(today);
            count(writer, unit, cohort, RETURNED, key);
            if (facts.returnedBefore(unit)) {
                count(writer, unit, cohort, MALICIOUS, key);
            }
            TicketFacts.record(writer, ticket, new Fact(sequence, Kind.RETURN, unit, "", "", e.occurredAt()));
        } else if (event instanceof ConsultationSettledEvent e) {
            // The consultation named a unit that had returned the ticket as its owner: those returns
            // were overruled, and count as malicious (R9) on their handovers' days.
            String owner = e.agreedOwner().value();
            TicketFacts facts = TicketFacts.before(writer, ticket, sequence);
            for (Fact returned : facts.returnsBy(owner)) {
                LocalDate cohort = facts.before(returned.sequence()).lastHandoverTo(owner)
                        .map(h -> Keys.day(h.at())).orElse(Keys.day(returned.at()));
                count(writer, owner, cohort, MALICIOUS, Keys.event(ticket, returned.sequence()));
            }
        } else if (event instanceof SignForDeadlineSetEvent e) {
            TicketFacts.record(writer, ticket, new Fact(sequence, Kind.SIGN_FOR_DUE, e.party().value(), "", "", e.dueAt()));
        } else if (event instanceof CompletionDeadlineSetEvent e) {
            TicketFacts.record(writer, ticket, new Fact(sequence, Kind.COMPLETION_DUE, e.party().value(), "", "",
                    e.dueAt()));
        } else if (event instanceof FeedbackRecordedEvent e && e.kind() == FeedbackKind.RESULT) {
            completed(writer, TicketFacts.before(writer, ticket, sequence), e.party().value(), today, key, e.occurredAt());
            TicketFacts.record(writer, ticket, new Fact(sequence, Kind.RESULT, e.party().value(), "", "", e.occurredAt()));
        } else if (event instanceof TicketClosedEvent e) {
            TicketFacts facts = TicketFacts.before(writer, ticket, sequence);
            String closer = e.actor().party().value();
            if (facts.hasCompletionDeadline(closer) && !facts.reportedResultSinceDeadline(closer)) {
                completed(writer, facts, closer, today, key, e.occurredAt()); // the holder completes by closing
            }
            for (String unit : facts.participants()) {
                count(writer, unit, today, CLOSED, key);
                if (e.resolved()) {
                    count(writer, unit, today, RESOLVED, key);
                }
            }
        } else if (event instanceof SatisfactionRatedEvent e) {
            for (String unit : TicketFacts.before(writer, ticket, sequence).participants()) {
                count(writer, unit, today, RATINGS, key + "#" + e.score());
            }
        } else if (event instanceof TicketReopenedEvent) {
            for (String unit : TicketFacts.before(writer, ticket, sequence).participants()) {
                count(writer, unit, today, REOPENED, key);
            }
        }
    }

    private static void completed(ViewWriter days, TicketFacts facts, String unit, LocalDate today, String key,
                                  java.time.Instant at) {
        count(days, unit, today, COMPLETED, key);
        if (facts.metDeadline(Kind.COMPLETION_DUE, unit, at)) {
            count(days, unit, today, COMPLETED_IN_TIME, key);
        }
    }

    /** The scorecard of {@code unit} for one day. */
    public Scorecard day(String unit, LocalDate day) {
        return sum(unit, List.of(day));
    }

    /** The scorecard of {@code unit} for a calendar month: the sum of its days. */
    public Scorecard month(String unit, YearMonth month) {
        return sum(unit, month.atDay(1).datesUntil(month.plusMonths(1).atDay(1)).toList());
    }

    private Scorecard sum(String unit, List<LocalDate> period) {
        MongoCollection<Document> days = versions.collection(VIEW, "days", versions.current(VIEW));
        List<String> ids = period.stream().map(d -> Keys.join(unit, d.toString())).toList();
        int[] counts = new int[10];
        List<Integer> scores = new ArrayList<>();
        for (Document doc : days.find(Filters.in("_id", ids))) {
            counts[0] += size(doc, RECEIVED);
            counts[1] += size(doc, SIGNED_FOR);
            counts[2] += size(doc, SIGNED_IN_TIME);
            counts[3] += size(doc, COMPLETED);
            counts[4] += size(doc, CLOSED);
            counts[5] += size(doc, RESOLVED);
            counts[6] += size(doc, RETURNED);
            counts[7] += size(doc, MALICIOUS);
            counts[8] += size(doc, REOPENED);
            counts[9] += size(doc, COMPLETED_IN_TIME);
            for (String rating : doc.getList(RATINGS, String.class, List.of())) {
                scores.add(Integer.parseInt(rating.substring(rating.lastIndexOf('#') + 1)));
            }
        }
        return new Scorecard(counts[0], counts[1], counts[2], counts[3], counts[9], counts[4], counts[5], scores,
                counts[6], counts[7], counts[8]);
    }

    private static int size(Document doc, String field) {
        return doc.getList(field, String.class, List.of()).size();
    }

    private static void count(ViewWriter days, String unit, LocalDate day, String measure, String key) {
        days.addToSet("days", Keys.join(unit, day.toString()), measure, key,
                ViewWriter.fields("unit", unit, "day", day.toString()));
    }

    static String row(String catalogueRow) {
        return catalogueRow == null || catalogueRow.isBlank() ? "none" : catalogueRow;
    }

    /** A unit's counts over a period and the R9 rates derived from them. */
    public record Scorecard(int received, int signedFor, int signedInTime, int completed, int completedInTime,
                            int closed, int resolved, List<Integer> satisfactionScores, int returned,
                            int maliciousReturns, int reopened) {

        public double signForRate() {
            return ratio(signedFor, received);
        }

        public double onTimeRate() {
            return ratio(signedInTime, signedFor);
        }

        /** Completed by the completion deadline / completed. */
        public double onTimeCompletionRate() {
            return ratio(completedInTime, completed);
        }

        public double resolutionRate() {
            return ratio(resolved, closed);
        }

        public double satisfactionAverage() {
            return satisfactionScores.stream().mapToInt(Integer::intValue).average().orElse(0);
        }

        private static double ratio(int part, int whole) {
            return whole == 0 ? 0 : (double) part / whole;
        }
    }
}
