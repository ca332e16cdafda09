package cn.linkage.query.views;

import cn.linkage.api.event.TicketDispatchedEvent;
import cn.linkage.api.event.TicketEvent;
import cn.linkage.api.event.TicketReceivedEvent;
import cn.linkage.api.event.TicketReturnedEvent;
import cn.linkage.api.event.TicketTransferredEvent;
import cn.linkage.query.views.TicketFacts.Fact;
import cn.linkage.query.views.TicketFacts.Kind;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;

/**
 * Consultation candidates (R8): per catalogue row ({@code _id = row|<row>}) and request item
 * ({@code _id = item|<item>}), the tickets handed over (transferred or dispatched; rows only for
 * transfers) and the tickets returned, as sets of ticket ids. A return counts toward the row of the
 * returning party's latest transfer. One index document ({@code _id = all}) lists the keys: the
 * number of rows and items is bounded by the catalogue, so listing reads it and one {@code $in}.
 */
@ProcessingGroup(ConsultationCandidateProjection.PROCESSING_GROUP)
public class ConsultationCandidateProjection implements SupervisionView {

    public static final String PROCESSING_GROUP = "supervision-consultation";
    public static final String VIEW = "consultation";
    public static final double DEFAULT_MIN_RETURN_RATE = 0.3;
    public static final int DEFAULT_MIN_TICKETS = 5;

    private final ViewVersions versions;

    public ConsultationCandidateProjection(ViewVersions versions) {
        this.versions = versions;
    }

    @Override
    public String viewName() {
        return VIEW;
    }

    @Override
    public List<String> parts() {
        return List.of("counts", "index", "tickets");
    }

    @EventHandler
    public void on(TicketEvent event, @SequenceNumber long sequence) {
        apply(event, sequence, new LiveViewWriter(versions, VIEW, versions.current(VIEW)));
    }

    @Override
    public void apply(TicketEvent event, long sequence, ViewWriter writer) {
        String ticket = event.ticketId().value();
        if (event instanceof TicketReceivedEvent e) {
            TicketFacts.describe(writer, ticket, "requestItem", text(e.requestItem()));
        } else if (event instanceof TicketTransferredEvent e) {
            String row = UnitScorecardProjection.row(e.catalogueRow());
            String item = item(writer, ticket, sequence);
            add(writer, "row|" + row, "handed", ticket);
            add(writer, "item|" + item, "handed", ticket);
            e.targets().forEach(t -> TicketFacts.record(writer, ticket,
                    new Fact(sequence, Kind.TRANSFER, t.value(), e.from().value(), row, e.occurredAt())));
        } else if (event instanceof TicketDispatchedEvent e) {
            add(writer, "item|" + item(writer, ticket, sequence), "handed", ticket);
        } else if (event instanceof TicketReturnedEvent e) {
            TicketFacts facts = TicketFacts.before(writer, ticket, sequence);
            add(writer, "item|" + text(facts.ticket().getString("requestItem")), "returned", ticket);
            facts.lastTransferTo(e.party().value()).ifPresent(t -> add(writer, "row|" + t.row(), "returned", ticket));
        }
    }

    /** Rows and items with at least {@code minTickets} tickets and a return rate of at least {@code minRate}. */
    public List<Candidate> candidates(double minRate, int minTickets) {
        int version = versions.current(VIEW);
        Document all = versions.collection(VIEW, "index", version).find(Filters.eq("_id", "all")).first();
        if (all == null) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        List<String> keys = all.getList("keys", String.class, List.of());
        for (Document doc : versions.collection(VIEW, "counts", version).find(Filters.in("_id", keys))) {
            Set<String> handed = new HashSet<>(doc.getList("handed", String.class, List.of()));
            Set<String> returned = new HashSet<>(doc.getList("returned", String.class, List.of()));
            returned.retainAll(handed);
            String id = doc.getString("_id");
            Candidate candidate = new Candidate(id.startsWith("row|") ? Subject.CATALOGUE_ROW : Subject.REQUEST_ITEM,
                    id.substring(id.indexOf('|') + 1), handed.size(), returned.size());
            if (candidate.tickets() >= minTickets && candidate.returnRate() >= minRate) {
                candidates.add(candidate);
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::returnRate).reversed()
                .thenComparing(Candidate::subject).thenComparing(Candidate::value));
        return candidates;
    }

    private static String item(ViewWriter writer, String ticket, long sequence) {
        return text(TicketFacts.before(writer, ticket, sequence).ticket().getString("requestItem"));
    }

    private static void add(ViewWriter writer, String key, String measure, String ticket) {
        writer.addToSet("index", "all", "keys", key);
        writer.addToSet("counts", key, measure, ticket);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? "none" : value;
    }

    public enum Subject { CATALOGUE_ROW, REQUEST_ITEM }

    /** A row or item, its tickets handed over and those of them returned at least once. */
    public record Candidate(Subject subject, String value, int tickets, int returnedTickets) {

        public double returnRate() {
            return tickets == 0 ? 0 : (double) returnedTickets / tickets;
        }
    }
}
