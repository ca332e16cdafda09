package cn.linkage.query.audit;

import static com.mongodb.client.model.Filters.in;

import cn.linkage.api.PartyCode;
import cn.linkage.api.event.TicketEvent;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

/**
 * Which tickets each platform or unit acted on, per day — the auditors' "what did this unit touch".
 *
 * <p>No document grows with a day's volume (issue 13): a day of a party has a header {@code party|day}
 * counting the slots handed out, buckets {@code party|day|n} of at most {@link #BUCKET} ticket ids each,
 * and one marker {@code party|day|ticket} per ticket so a replayed event takes no second slot. A period is
 * read with one {@code $in} on the headers and one on the buckets they name. Idempotent: a crash between
 * taking a slot and writing the marker at worst lists the ticket in two buckets, and the reader
 * de-duplicates. A header written by an older hub may still hold its day's tickets in {@code tickets}.
 */
@ProcessingGroup(PartyActivityProjection.PROCESSING_GROUP)
public class PartyActivityProjection {

    public static final String PROCESSING_GROUP = "audit-party-activity";
    /** Days are counted in China Standard Time, the plan's working time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int MAX_DAYS = 366;
    /** Ticket ids per bucket document: about 20 KB, however busy the day. */
    static final int BUCKET = 500;

    private final MongoCollection<Document> days;
    private final MongoCollection<Document> markers;

    public PartyActivityProjection(MongoDatabase database) {
        this.days = database.getCollection("audit_party_days");
        this.markers = database.getCollection("audit_party_touches");
    }

    @EventHandler
    public void on(TicketEvent event) {
        String day = LocalDate.ofInstant(event.occurredAt(), ZONE).toString();
        String ticket = event.ticketId().value();
        for (PartyCode party : actingParties(event)) {
            String header = key(party.value(), day);
            String marker = header + "|" + ticket;
            if (markers.find(Filters.eq("_id", marker)).first() != null) {
                continue;
            }
            Document counted = days.findOneAndUpdate(Filters.eq("_id", header),
                    Updates.combine(Updates.setOnInsert("party", party.value()), Updates.setOnInsert("day", day),
                            Updates.inc("slots", 1L)),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            long bucket = (((Number) counted.get("slots")).longValue() - 1) / BUCKET;
            days.updateOne(Filters.eq("_id", header + "|" + bucket),
                    Updates.combine(Updates.setOnInsert("day", day), Updates.addToSet("tickets", ticket)),
                    new UpdateOptions().upsert(true));
            markers.updateOne(Filters.eq("_id", marker), Updates.setOnInsert("bucket", bucket),
                    new UpdateOptions().upsert(true));
        }
    }

    /** Tickets {@code party} acted on from {@code first} to {@code last}, inclusive, by day then ticket. */
    public List<Touched> touched(String party, LocalDate first, LocalDate last) {
        if (last.isBefore(first) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new IllegalArgumentException("a period runs forward and spans at most " + MAX_DAYS + " days");
        }
        List<String> headers = first.datesUntil(last.plusDays(1)).map(d -> key(party, d.toString())).toList();
        Set<Touched> touched = new LinkedHashSet<>();
        List<String> buckets = new ArrayList<>();
        for (Document header : days.find(in("_id", headers))) {
            addTickets(header, touched);
            long slots = header.get("slots") instanceof Number n ? n.longValue() : 0;
            for (long b = 0; b * BUCKET < slots; b++) {
                buckets.add(header.getString("_id") + "|" + b);
            }
        }
        if (!buckets.isEmpty()) {
            for (Document bucket : days.find(in("_id", buckets))) {
                addTickets(bucket, touched);
            }
        }
        List<Touched> sorted = new ArrayList<>(touched);
        sorted.sort(Comparator.comparing(Touched::day).thenComparing(Touched::ticketId));
        return sorted;
    }

    private static void addTickets(Document doc, Set<Touched> touched) {
        List<String> tickets = doc.getList("tickets", String.class);
        if (tickets != null) {
            tickets.forEach(ticket -> touched.add(new Touched(ticket, doc.getString("day"))));
        }
    }

    private static Set<PartyCode> actingParties(TicketEvent event) {
        Set<PartyCode> parties = new LinkedHashSet<>();
        parties.add(event.actor().party());
        parties.add(event.actor().platform());
        return parties;
    }

    private static String key(String party, String day) {
        return party + "|" + day;
    }

    /** A ticket a party acted on, on a day (yyyy-MM-dd). */
    public record Touched(String ticketId, String day) {
    }
}
