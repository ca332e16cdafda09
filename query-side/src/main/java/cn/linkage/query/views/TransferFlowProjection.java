package cn.linkage.query.views;

import cn.linkage.api.PartyCode;
import cn.linkage.api.event.TicketAcceptedEvent;
import cn.linkage.api.event.TicketEvent;
import cn.linkage.api.event.TicketReturnedEvent;
import cn.linkage.api.event.TicketTransferredEvent;
import cn.linkage.query.views.TicketFacts.Fact;
import cn.linkage.query.views.TicketFacts.Kind;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;

/**
 * Transfer flows: per day and (from, to, catalogue row), the transfers, and of them the sign-fors
 * (with latency) and returns — outcomes count toward the transfer's day. Flow documents are keyed
 * {@code day|from|to|row}; a per-day index document ({@code _id} = day) lists the day's flows, so a
 * period is read with two {@code $in} lookups. Sets of event keys keep every write idempotent.
 */
@ProcessingGroup(TransferFlowProjection.PROCESSING_GROUP)
public class TransferFlowProjection implements SupervisionView {

    public static final String PROCESSING_GROUP = "supervision-transfer-flows";
    public static final String VIEW = "transfer_flows";
    static final int MAX_DAYS = 92;

    private final ViewVersions versions;

    public TransferFlowProjection(ViewVersions versions) {
        this.versions = versions;
    }

    @Override
    public String viewName() {
        return VIEW;
    }

    @Override
    public List<String> parts() {
        return List.of("flows", "index", "tickets");
    }

    @EventHandler
    public void on(TicketEvent event, @SequenceNumber long sequence) {
        apply(event, sequence, new LiveViewWriter(versions, VIEW, versions.current(VIEW)));
    }

    @Override
    public void apply(TicketEvent event, long sequence, ViewWriter writer) {
        String ticket = event.ticketId().value();
        String key = Keys.event(ticket, sequence);
        if (event instanceof TicketTransferredEvent e) {
            String day = Keys.day(e.occurredAt()).toString();
            String row = UnitScorecardProjection.row(e.catalogueRow());
            for (PartyCode target : e.targets()) {
                String flow = Keys.join(e.from().value(), target.value(), row);
                writer.addToSet("index", day, "flows", flow);
                add(writer, day, e.from().value(), target.value(), row, "transfers", key);
                TicketFacts.record(writer, ticket, new Fact(sequence, Kind.TRANSFER, target.value(), e.from().value(),
                        row, e.occurredAt()));
            }
        } else if (event instanceof TicketAcceptedEvent e) {
            Optional<Fact> transfer = TicketFacts.before(writer, ticket, sequence).lastTransferTo(e.party().value());
            transfer.ifPresent(t -> {
                String day = Keys.day(t.at()).toString();
                add(writer, day, t.from(), t.party(), t.row(), "accepted", key);
                long millis = Duration.between(t.at(), e.occurredAt()).toMillis();
                add(writer, day, t.from(), t.party(), t.row(), "latencies", key + "#" + millis);
            });
        } else if (event instanceof TicketReturnedEvent e) {
            TicketFacts.before(writer, ticket, sequence).lastTransferTo(e.party().value()).ifPresent(t ->
                    add(writer, Keys.day(t.at()).toString(), t.from(), t.party(), t.row(), "returned", key));
        }
    }

    /** The flows of the days {@code first} to {@code last}, inclusive, optionally only from one party. */
    public List<Flow> flows(LocalDate first, LocalDate last, String fromParty) {
        if (last.isBefore(first) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new IllegalArgumentException("a period runs forward and spans at most " + MAX_DAYS + " days");
        }
        int version = versions.current(VIEW);
        List<String> days = first.datesUntil(last.plusDays(1)).map(LocalDate::toString).toList();
        List<String> ids = new ArrayList<>();
        for (Document doc : versions.collection(VIEW, "index", version).find(Filters.in("_id", days))) {
            for (String flow : doc.getList("flows", String.class, List.of())) {
                if (fromParty == null || fromParty.isEmpty() || flow.startsWith(fromParty + "|")) {
                    ids.add(doc.getString("_id") + "|" + flow);
                }
            }
        }
        Map<String, Totals> totals = new TreeMap<>();
        if (!ids.isEmpty()) {
            for (Document doc : versions.collection(VIEW, "flows", version).find(Filters.in("_id", ids))) {
                Totals t = totals.computeIfAbsent(Keys.join(doc.getString("from"), doc.getString("to"),
                        doc.getString("row")), k -> new Totals(doc));
                t.transfers += doc.getList("transfers", String.class, List.of()).size();
                t.accepted += doc.getList("accepted", String.class, List.of()).size();
                t.returned += doc.getList("returned", String.class, List.of()).size();
                for (String latency : doc.getList("latencies", String.class, List.of())) {
                    t.latencies.add(Long.parseLong(latency.substring(latency.lastIndexOf('#') + 1)));
                }
            }
        }
        return totals.values().stream().map(Totals::flow).toList();
    }

    private static void add(ViewWriter flows, String day, String from, String to, String row, String measure,
                            String value) {
        flows.addToSet("flows", Keys.join(day, from, to, row), measure, value,
                ViewWriter.fields("day", day, "from", from, "to", to, "row", row));
    }

    private static final class Totals {
        final String from;
        final String to;
        final String row;
        int transfers;
        int accepted;
        int returned;
        final List<Long> latencies = new ArrayList<>();

        Totals(Document doc) {
            from = doc.getString("from");
            to = doc.getString("to");
            row = doc.getString("row");
        }

        Flow flow() {
            latencies.sort(Comparator.naturalOrder());
            return new Flow(from, to, row, transfers, accepted, returned,
                    percentile(latencies, 50) / 1000.0, percentile(latencies, 90) / 1000.0);
        }
    }

    /** Nearest-rank percentile of sorted values; 0 for none. */
    static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** Transfers from one party to another under one catalogue row over a period. */
    public record Flow(String from, String to, String catalogueRow, int transfers, int accepted, int returned,
                       double medianSignForSeconds, double p90SignForSeconds) {

        public double acceptanceRate() {
            return transfers == 0 ? 0 : (double) accepted / transfers;
        }

        public double returnRate() {
            return transfers == 0 ? 0 : (double) returned / transfers;
        }
    }
}
