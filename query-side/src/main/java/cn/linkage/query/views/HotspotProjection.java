package cn.linkage.query.views;

import cn.linkage.api.event.TicketEvent;
import cn.linkage.api.event.TicketReceivedEvent;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;

/**
 * Hotspots: tickets received per request type × division, per day ({@code _id = type|division|day})
 * and per ISO week ({@code _id = type|division|2026-W10}), as sets of ticket ids. A per-week index
 * document ({@code _id = week|2026-W10}) lists the week's (type, division) pairs, so a week is read
 * with {@code $in} lookups only. A pair is rising when its week's count is above
 * {@link #RISING_FACTOR} × the mean of the four weeks before and at least {@link #RISING_MINIMUM}.
 */
@ProcessingGroup(HotspotProjection.PROCESSING_GROUP)
public class HotspotProjection implements SupervisionView {

    public static final String PROCESSING_GROUP = "supervision-hotspots";
    public static final String VIEW = "hotspots";
    public static final double RISING_FACTOR = 1.5;
    public static final int RISING_MINIMUM = 5;
    static final int TRAILING_WEEKS = 4;

    private final ViewVersions versions;

    public HotspotProjection(ViewVersions versions) {
        this.versions = versions;
    }

    @Override
    public String viewName() {
        return VIEW;
    }

    @Override
    public List<String> parts() {
        return List.of("counts", "index");
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return payloadType == TicketReceivedEvent.class;
    }

    @EventHandler
    public void on(TicketEvent event, @SequenceNumber long sequence) {
        apply(event, sequence, new LiveViewWriter(versions, VIEW, versions.current(VIEW)));
    }

    @Override
    public void apply(TicketEvent event, long sequence, ViewWriter writer) {
        if (!(event instanceof TicketReceivedEvent e)) {
            return;
        }
        Instant when = e.receivedAt() != null ? e.receivedAt() : e.occurredAt();
        LocalDate day = Keys.day(when);
        String week = Keys.week(day);
        String pair = Keys.join(text(e.requestType()), e.location() == null ? "none" : text(e.location().divisionCode()));
        String ticket = e.ticketId().value();
        for (String period : List.of(day.toString(), week)) {
            writer.addToSet("counts", Keys.join(pair, period), "tickets", ticket);
        }
        writer.addToSet("index", "week|" + week, "pairs", pair);
    }

    /** The hotspots of an ISO week, highest count first. */
    public List<Hotspot> week(String week, String requestType) {
        int version = versions.current(VIEW);
        MongoCollection<Document> counts = versions.collection(VIEW, "counts", version);
        Document index = versions.collection(VIEW, "index", version).find(Filters.eq("_id", "week|" + week)).first();
        if (index == null) {
            return List.of();
        }
        LocalDate monday = Keys.monday(week);
        List<String> pairs = index.getList("pairs", String.class, List.of()).stream()
                .filter(p -> requestType == null || requestType.isEmpty() || p.startsWith(requestType + "|")).toList();
        List<String> periods = new ArrayList<>();
        periods.add(week);
        for (int i = 1; i <= TRAILING_WEEKS; i++) {
            periods.add(Keys.week(monday.minusWeeks(i)));
        }
        for (int i = 0; i < 7; i++) {
            periods.add(monday.plusDays(i).toString());
        }
        List<String> ids = new ArrayList<>();
        pairs.forEach(p -> periods.forEach(period -> ids.add(Keys.join(p, period))));
        Map<String, Integer> found = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Document doc : counts.find(Filters.in("_id", ids))) {
                found.put(doc.getString("_id"), doc.getList("tickets", String.class, List.of()).size());
            }
        }
        List<Hotspot> hotspots = new ArrayList<>();
        for (String pair : pairs) {
            int count = found.getOrDefault(Keys.join(pair, week), 0);
            double trailing = 0;
            for (int i = 1; i <= TRAILING_WEEKS; i++) {
                trailing += found.getOrDefault(Keys.join(pair, periods.get(i)), 0);
            }
            trailing /= TRAILING_WEEKS;
            List<Integer> daily = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                daily.add(found.getOrDefault(Keys.join(pair, periods.get(1 + TRAILING_WEEKS + i)), 0));
            }
            String[] parts = pair.split("\\|", 2);
            hotspots.add(new Hotspot(parts[0], parts[1], week, count, trailing,
                    count > RISING_FACTOR * trailing && count >= RISING_MINIMUM, daily));
        }
        hotspots.sort(Comparator.comparingInt(Hotspot::count).reversed()
                .thenComparing(Hotspot::requestType).thenComparing(Hotspot::divisionCode));
        return hotspots;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? "none" : value;
    }

    /** Tickets of one request type in one division during a week. */
    public record Hotspot(String requestType, String divisionCode, String week, int count, double trailingMean,
                          boolean rising, List<Integer> dailyCounts) {
    }
}
