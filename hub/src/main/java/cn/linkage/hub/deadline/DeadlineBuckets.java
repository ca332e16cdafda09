package cn.linkage.hub.deadline;

import cn.linkage.api.DeadlineKind;
import cn.linkage.api.PartyCode;
import cn.linkage.api.TicketId;
import cn.linkage.api.event.CompletionDeadlineSetEvent;
import cn.linkage.api.event.SignForDeadlineSetEvent;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

/**
 * Deadlines filed by the minute they fall due, so the poller reads "everything due from its last
 * minute to now" as one {@code $in} on ids (the embedded store scans on anything else). One document
 * per UTC minute, {@code _id = "2026-03-02T01:05"}, holding its entries; {@code $addToSet} makes
 * filing idempotent under replay. Also keeps the poller's position: the last minute fully fired.
 */
@ProcessingGroup(DeadlineBuckets.PROCESSING_GROUP)
public class DeadlineBuckets {

    public static final String PROCESSING_GROUP = "deadline-buckets";
    private static final String POSITION_ID = "poller";

    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> positions;

    public DeadlineBuckets(MongoDatabase database) {
        this.buckets = database.getCollection("deadline_buckets");
        this.positions = database.getCollection("deadline_poller");
    }

    @EventHandler
    public void on(SignForDeadlineSetEvent e) {
        file(new Entry(e.ticketId(), e.party(), DeadlineKind.SIGN_FOR, e.dueAt()));
    }

    @EventHandler
    public void on(CompletionDeadlineSetEvent e) {
        file(new Entry(e.ticketId(), e.party(), DeadlineKind.COMPLETION, e.dueAt()));
    }

    /**
     * Files into the minute the entry falls due, or, when the poller has already passed that minute
     * (this projection lagged, or replays), into the minute after the poller's position.
     */
    void file(Entry entry) {
        Instant minute = minuteOf(entry.dueAt());
        Optional<Instant> done = position();
        if (done.isPresent() && !minute.isAfter(done.get())) {
            minute = done.get().plus(1, ChronoUnit.MINUTES);
        }
        buckets.updateOne(Filters.eq("_id", key(minute)), Updates.addToSet("entries", entry.encode()),
                new UpdateOptions().upsert(true));
    }

    /** The minutes' buckets from {@code first} to {@code last} inclusive, in id order. */
    List<Bucket> read(Instant first, Instant last) {
        List<String> ids = new ArrayList<>();
        for (Instant m = minuteOf(first); !m.isAfter(last); m = m.plus(1, ChronoUnit.MINUTES)) {
            ids.add(key(m));
        }
        List<Bucket> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            for (Document doc : buckets.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + 1000))))) {
                found.add(new Bucket(doc.getString("_id"), strings(doc, "entries"), Set.copyOf(strings(doc, "fired"))));
            }
        }
        found.sort(java.util.Comparator.comparing(Bucket::id));
        return found;
    }

    void markFired(String bucketId, Entry entry) {
        buckets.updateOne(Filters.eq("_id", bucketId), Updates.addToSet("fired", entry.encode()));
    }

    Optional<Instant> position() {
        return Optional.ofNullable(positions.find(Filters.eq("_id", POSITION_ID)).first())
                .map(d -> Instant.parse(d.getString("lastMinute")));
    }

    void savePosition(Instant lastMinute) {
        positions.replaceOne(Filters.eq("_id", POSITION_ID),
                new Document("_id", POSITION_ID).append("lastMinute", minuteOf(lastMinute).toString()),
                new ReplaceOptions().upsert(true));
    }

    static Instant minuteOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES);
    }

    static String key(Instant minute) {
        return minute.toString().substring(0, 16); // 2026-03-02T01:05
    }

    private static List<String> strings(Document doc, String field) {
        List<String> values = doc.getList(field, String.class);
        return values == null ? List.of() : values;
    }

    /** One deadline to watch, encoded as one string so {@code $addToSet} compares it reliably. */
    record Entry(TicketId ticketId, PartyCode party, DeadlineKind kind, Instant dueAt) {

        String encode() {
            return dueAt + "|" + kind + "|" + ticketId.value() + "|" + party.value();
        }

        static Entry decode(String text) {
            String[] f = text.split("\\|", 4);
            return new Entry(new TicketId(f[2]), new PartyCode(f[3]), DeadlineKind.valueOf(f[1]), Instant.parse(f[0]));
        }
    }

    /** A minute's entries and those already fired. */
    record Bucket(String id, List<String> entries, Set<String> fired) {
    }
}
