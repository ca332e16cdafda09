package cn.linkage.query.audit;

import static com.mongodb.client.model.Filters.in;

import cn.linkage.api.PartyCode;
import cn.linkage.api.event.TicketEvent;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
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
 * One document per party and day, keyed by both, so a period is read with one {@code $in} on ids.
 * Handlers are idempotent ({@code $addToSet}): a replayed event changes nothing.
 */
@ProcessingGroup(PartyActivityProjection.PROCESSING_GROUP)
public class PartyActivityProjection {

    public static final String PROCESSING_GROUP = "audit-party-activity";
    /** Days are counted in China Standard Time, the plan's working time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int MAX_DAYS = 366;

    private final MongoCollection<Document> days;

    public PartyActivityProjection(MongoDatabase database) {
        this.days = database.getCollection("audit_party_days");
    }

    @EventHandler
    public void on(TicketEvent event) {
        String day = LocalDate.ofInstant(event.occurredAt(), ZONE).toString();
        for (PartyCode party : actingParties(event)) {
            days.updateOne(Filters.eq("_id", key(party.value(), day)),
                    Updates.combine(Updates.setOnInsert("party", party.value()), Updates.setOnInsert("day", day),
                            Updates.addToSet("tickets", event.ticketId().value())),
                    new UpdateOptions().upsert(true));
        }
    }

    /** Tickets {@code party} acted on from {@code first} to {@code last}, inclusive, by day then ticket. */
    public List<Touched> touched(String party, LocalDate first, LocalDate last) {
        if (last.isBefore(first) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new IllegalArgumentException("a period runs forward and spans at most " + MAX_DAYS + " days");
        }
        List<String> ids = first.datesUntil(last.plusDays(1)).map(d -> key(party, d.toString())).toList();
        List<Touched> touched = new ArrayList<>();
        for (Document doc : days.find(in("_id", ids))) {
            for (String ticket : doc.getList("tickets", String.class)) {
                touched.add(new Touched(ticket, doc.getString("day")));
            }
        }
        touched.sort(Comparator.comparing(Touched::day).thenComparing(Touched::ticketId));
        return touched;
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
