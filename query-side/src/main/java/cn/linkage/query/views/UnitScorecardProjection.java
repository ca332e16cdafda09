package cn.linkage.query.views;

import cn.linkage.api.FeedbackKind;
import cn.linkage.api.PartyCode;
import cn.linkage.api.event.*;
import cn.linkage.query.views.TicketFacts.Fact;
import cn.linkage.query.views.TicketFacts.Kind;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
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
 * ticket, so a day's rates stay within 0–1; closures, ratings, results and reopenings on their own day.
 */
@ProcessingGroup(UnitScorecardProjection.PROCESSING_GROUP)
public class UnitScorecardProjection implements SupervisionView {

    public static final String PROCESSING_GROUP = "supervision-scorecards";
    public static final String VIEW = "scorecards";
    /** The default sign-for limit: a placeholder until the deadline rules land. */
    public static final Duration DEFAULT_SIGN_FOR_LIMIT = Duration.ofMinutes(30);

    static final String RECEIVED = "received";
    static final String SIGNED_FOR = "signedFor";
    static final String SIGNED_IN_TIME = "signedInTime";
    static final String COMPLETED = "completed";
    static final String CLOSED = "closed";
    static final String RESOLVED = "resolved";
    static final String RATINGS = "ratings";
    static final String RETURNED = "returned";
    static final String MALICIOUS = "maliciousReturned";
    static final String REOPENED = "reopened";

    private final ViewVersions versions;
    private final Duration signForLimit;

    public UnitScorecardProjection(ViewVersions versions, Duration signForLimit) {
        this.versions = versions;
        this.signForLimit = signForLimit;
    }

    @Override
    public String viewName() {
        return VIEW;
    }

    @Override
    public List<String> parts() {
        return List.of("days", "tickets");
    }

    public Duration signForLimit() {
        return signForLimit;
    }

    @EventHandler
    public void on(TicketEvent event, @SequenceNumber long sequence) {
        apply(event, sequence, versions.current(VIEW));
    }

    @Override
    public void apply(TicketEvent event, long sequence, int version) {
        MongoCollection<Document> days = versions.collection(VIEW, "days", version);
        MongoCollection<Document> tickets = versions.collection(VIEW, "tickets", version);
        String ticket = event.ticketId().value();
        String key = Keys.event(ticket, sequence);
        LocalDate today = Keys.day(event.occurredAt());
        if (event instanceof TicketTransferredEvent e) {
            for (PartyCode target : e.targets()) {
                count(days, target.value(), today, RECEIVED, key);
                TicketFacts.record(tickets, ticket, new Fact(sequence, Kind.TRANSFER, target.value(),
                        e.from().value(), row(e.catalogueRow()), e.occurredAt()));
            }
        } else if (event instanceof TicketDispatchedEvent e) {
            count(days, e.handlingUnit().value(), today, RECEIVED, key);
            TicketFacts.record(tickets, ticket, new Fact(sequence, Kind.DISPATCH, e.handlingUnit().value(),
                    e.actor().party().value(), "", e.occurredAt()));
        } else if (event instanceof TicketAcceptedEvent e) {
            String unit = e.party().value();
            Optional<Fact> handover = TicketFacts.before(tickets, ticket, sequence).lastHandoverTo(unit);
            LocalDate cohort = handover.map(h -> Keys.day(h.at())).orElse(today);
            count(days, unit, cohort, SIGNED_FOR, key);
            if (handover.isPresent()
                    && Duration.between(handover.get().at(), e.occurredAt()).compareTo(signForLimit) <= 0) {
                count(days, unit, cohort, SIGNED_IN_TIME, key);
            }
            TicketFacts.record(tickets, ticket, new Fact(sequence, Kind.ACCEPT, unit, "", "", e.occurredAt()));
        } else if (event instanceof TicketReturnedEvent e) {
            String unit = e.party().value();
            TicketFacts facts = TicketFacts.before(tickets, ticket, sequence);
            LocalDate cohort = facts.lastHandoverTo(unit).map(h -> Keys.day(h.at())).orElse(today);
            count(days, unit, cohort, RETURNED, key);
            if (facts.returnedBefore(unit)) {
                count(days, unit, cohort, MALICIOUS, key);
            }
            TicketFacts.record(tickets, ticket, new Fact(sequence, Kind.RETURN, unit, "", "", e.occurredAt()));
        } else if (event instanceof FeedbackRecordedEvent e && e.kind() == FeedbackKind.RESULT) {
            count(days, e.party().value(), today, COMPLETED, key);
        } else if (event instanceof TicketClosedEvent e) {
            for (String unit : TicketFacts.before(tickets, ticket, sequence).participants()) {
                count(days, unit, today, CLOSED, key);
                if (e.resolved()) {
                    count(days, unit, today, RESOLVED, key);
                }
            }
        } else if (event instanceof SatisfactionRatedEvent e) {
            for (String unit : TicketFacts.before(tickets, ticket, sequence).participants()) {
                count(days, unit, today, RATINGS, key + "#" + e.score());
            }
        } else if (event instanceof TicketReopenedEvent) {
            for (String unit : TicketFacts.before(tickets, ticket, sequence).participants()) {
                count(days, unit, today, REOPENED, key);
            }
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
        int[] counts = new int[9];
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
            for (String rating : doc.getList(RATINGS, String.class, List.of())) {
                scores.add(Integer.parseInt(rating.substring(rating.lastIndexOf('#') + 1)));
            }
        }
        return new Scorecard(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], scores, counts[6],
                counts[7], counts[8]);
    }

    private static int size(Document doc, String field) {
        return doc.getList(field, String.class, List.of()).size();
    }

    private static void count(MongoCollection<Document> days, String unit, LocalDate day, String measure, String key) {
        days.updateOne(Filters.eq("_id", Keys.join(unit, day.toString())),
                Updates.combine(Updates.setOnInsert("unit", unit), Updates.setOnInsert("day", day.toString()),
                        Updates.addToSet(measure, key)),
                new UpdateOptions().upsert(true));
    }

    static String row(String catalogueRow) {
        return catalogueRow == null || catalogueRow.isBlank() ? "none" : catalogueRow;
    }

    /** A unit's counts over a period and the R9 rates derived from them. */
    public record Scorecard(int received, int signedFor, int signedInTime, int completed, int closed, int resolved,
                            List<Integer> satisfactionScores, int returned, int maliciousReturns, int reopened) {

        public double signForRate() {
            return ratio(signedFor, received);
        }

        public double onTimeRate() {
            return ratio(signedInTime, signedFor);
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
