package cn.linkage.query.views;

import cn.linkage.api.DeadlineKind;
import cn.linkage.api.TicketState;
import cn.linkage.api.event.TicketEvent;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The supervision board: one document per ticket ({@code _id} = ticket id) as {@link BoardTicket} folds
 * its events, replaced only if the stored one describes an older event — so replays or out-of-order
 * retries change nothing. The caller is stored masked only.
 * <p>Folding needs the ticket's earlier events. A bounded cache keeps each recently seen ticket's fold
 * with the sequence it reached; on a miss (or an event that is not the next one) the events before
 * it are read from the event store. A fold is taken out of the cache while it is used, so two threads
 * never share one.
 * <p>Listing filters by any field and pages by {@code sortKey} (received time, then id): on the
 * embedded store that is a scan of the board collection; docs/supervision-views.md names the indexes
 * a real MongoDB needs.
 */
@ProcessingGroup(TicketBoardProjection.PROCESSING_GROUP)
public class TicketBoardProjection implements SupervisionView {

    public static final String PROCESSING_GROUP = "supervision-board";
    public static final String VIEW = "board";
    /** By default a deadline shows yellow once 80% of its time has passed. */
    public static final double DEFAULT_YELLOW_AT = 0.8;
    static final int CACHED_TICKETS = 20_000;

    private final ViewVersions versions;
    private final EventStore eventStore;
    private final double yellowAt;
    private final Map<String, BoardTicket> folds = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BoardTicket> eldest) {
            return size() > CACHED_TICKETS;
        }
    });

    /** @param yellowAt the share of a deadline's time after which it shows yellow, in (0, 1] */
    public TicketBoardProjection(ViewVersions versions, EventStore eventStore, double yellowAt) {
        if (!(yellowAt > 0 && yellowAt <= 1)) {
            throw new IllegalArgumentException("yellowAt must be in (0, 1], was " + yellowAt);
        }
        this.versions = versions;
        this.eventStore = eventStore;
        this.yellowAt = yellowAt;
    }

    @Override
    public String viewName() {
        return VIEW;
    }

    @Override
    public List<String> parts() {
        return List.of("tickets");
    }

    @EventHandler
    public void on(TicketEvent event, @SequenceNumber long sequence) {
        apply(event, sequence, new LiveViewWriter(versions, VIEW, versions.current(VIEW)));
    }

    /**
     * A rebuild keeps its folds in its batch's memo, not in the live cache: the two never share a fold,
     * and the batch renders each ticket's document once, at its next write, not on every event.
     */
    @Override
    public void apply(TicketEvent event, long sequence, ViewWriter writer) {
        Map<String, BoardTicket> cache = writer instanceof BatchViewWriter batch ? batch.memo(VIEW) : folds;
        String id = event.ticketId().value();
        BoardTicket ticket = cache.remove(id);
        if (ticket == null || ticket.sequence() != sequence - 1) {
            ticket = replayBefore(id, sequence);
        }
        ticket.apply(event, sequence);
        if (ticket.received()) {
            BoardTicket rendered = ticket;
            writer.replaceIfNewer("tickets", id, sequence, () -> rendered.document(yellowAt).orElseThrow());
        }
        cache.put(id, ticket);
    }

    private BoardTicket replayBefore(String id, long sequence) {
        BoardTicket ticket = new BoardTicket();
        if (sequence > 0) {
            eventStore.readEvents(id, 0).asStream()
                    .filter(m -> m.getSequenceNumber() < sequence && m.getPayload() instanceof TicketEvent)
                    .forEach(m -> ticket.apply((TicketEvent) m.getPayload(), m.getSequenceNumber()));
        }
        return ticket;
    }

    /** Received time (epoch millis, zero-padded) then ticket id: sorts as text in time order. */
    static String sortKey(Instant received, String ticketId) {
        String millis = Long.toString(received.toEpochMilli());
        return "0".repeat(Math.max(0, 15 - millis.length())) + millis + "|" + ticketId;
    }

    /** The board's documents matching {@code filter}, newest received first, after {@code afterSortKey}. */
    public List<BoardEntry> list(BoardFilter filter, String afterSortKey, int pageSize) {
        List<Bson> conditions = new ArrayList<>();
        if (filter.state() != null) {
            conditions.add(Filters.eq("state", filter.state().name()));
        }
        addEq(conditions, "origin", filter.originPlatform());
        addEq(conditions, "parties", filter.party());
        addEq(conditions, "division", filter.divisionCode());
        addEq(conditions, "requestType", filter.requestType());
        if (filter.receivedFrom() != null) {
            conditions.add(Filters.gte("receivedAt", Date.from(filter.receivedFrom())));
        }
        if (filter.receivedBefore() != null) {
            conditions.add(Filters.lt("receivedAt", Date.from(filter.receivedBefore())));
        }
        if (filter.sensitiveOnly()) {
            conditions.add(Filters.eq("sensitive", true));
        }
        if (filter.overdueAt() != null) {
            conditions.add(Filters.lte("nextDeadline", Date.from(filter.overdueAt())));
        }
        if (afterSortKey != null && !afterSortKey.isEmpty()) {
            conditions.add(Filters.lt("sortKey", afterSortKey));
        }
        Bson query = conditions.isEmpty() ? new Document() : Filters.and(conditions);
        List<BoardEntry> entries = new ArrayList<>();
        currentTickets().find(query).sort(Sorts.descending("sortKey"))
                .limit(pageSize).forEach(doc -> entries.add(BoardEntry.of(doc)));
        return entries;
    }

    /**
     * The supervision list: tickets with an open deadline that is near (yellow) or past (red) at
     * {@code now}, the earliest due first, optionally only those where {@code party} has such a
     * deadline; paged by {@code deadlineKey} (due time, then id).
     */
    public List<BoardEntry> warnings(Instant now, String party, String afterDeadlineKey, int pageSize) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(Filters.lte("warnAt", Date.from(now)));
        if (party != null && !party.isEmpty()) {
            conditions.add(Filters.elemMatch("deadlines", Filters.and(Filters.eq("party", party),
                    Filters.lte("warnAt", Date.from(now)))));
        }
        if (afterDeadlineKey != null && !afterDeadlineKey.isEmpty()) {
            conditions.add(Filters.gt("deadlineKey", afterDeadlineKey));
        }
        List<BoardEntry> entries = new ArrayList<>();
        currentTickets().find(Filters.and(conditions))
                .sort(Sorts.ascending("deadlineKey")).limit(pageSize).forEach(doc -> entries.add(BoardEntry.of(doc)));
        return entries;
    }

    /** The board document of one ticket, as stored (for rebuild checks and tests). */
    public Document document(String ticketId) {
        return currentTickets().find(Filters.eq("_id", ticketId)).first();
    }

    private MongoCollection<Document> currentTickets() {
        return versions.collection(VIEW, "tickets", versions.current(VIEW));
    }

    private static void addEq(List<Bson> conditions, String field, String value) {
        if (value != null && !value.isEmpty()) {
            conditions.add(Filters.eq(field, value));
        }
    }

    /**
     * What a board listing may filter on; null or empty means "any".
     *
     * @param overdueAt     if set, only tickets with an open deadline due at or before this time
     * @param sensitiveOnly only tickets marked sensitive (R6)
     */
    public record BoardFilter(TicketState state, String originPlatform, String party, String divisionCode,
                              String requestType, Instant receivedFrom, Instant receivedBefore, Instant overdueAt,
                              boolean sensitiveOnly) {

        /** Only the tickets marked sensitive, newest received first: the sensitive board (R6). */
        public static BoardFilter sensitive() {
            return new BoardFilter(null, null, null, null, null, null, null, null, true);
        }
    }

    /**
     * One ticket on the board; the caller is already masked. {@code sortKey} pages the board,
     * {@code deadlineKey} (the earliest open deadline, then the id; null without one) the overdue list.
     */
    public record BoardEntry(String ticketId, String sortKey, String deadlineKey, String originTicketNumber,
                             TicketState state,
                             String holder, List<String> parties, String originPlatform, String divisionCode,
                             String requestType, String requestItem, String urgency, Instant receivedAt,
                             String callerName, String callerPhone, List<OpenDeadline> deadlines, int returnCount,
                             int supervisionCount, boolean sensitive, String sensitiveReason,
                             String agreedReplyWording, Instant updatedAt) {

        /** The earliest open sign-for deadline, or null. */
        public Instant signForDeadline() {
            return deadlines.stream().filter(d -> d.kind() == DeadlineKind.SIGN_FOR).map(OpenDeadline::dueAt)
                    .min(Instant::compareTo).orElse(null);
        }

        /** The worst warning among the open deadlines at {@code now}. */
        public Warning warning(Instant now) {
            return deadlines.stream().map(d -> d.warning(now)).max(Warning::compareTo).orElse(Warning.NONE);
        }

        static BoardEntry of(Document d) {
            return new BoardEntry(d.getString("_id"), d.getString("sortKey"), d.getString("deadlineKey"),
                    d.getString("originTicketNumber"),
                    TicketState.valueOf(d.getString("state")), d.getString("holder"),
                    d.getList("parties", String.class, List.of()), d.getString("origin"), d.getString("division"),
                    d.getString("requestType"), d.getString("requestItem"), d.getString("urgency"),
                    d.getDate("receivedAt").toInstant(), d.getString("callerName"), d.getString("callerPhone"),
                    d.getList("deadlines", Document.class, List.of()).stream().map(OpenDeadline::of).toList(),
                    d.getInteger("returnCount", 0), d.getInteger("supervisionCount", 0),
                    d.getBoolean("sensitive", false), d.getString("sensitiveReason"), d.getString("agreedReplyWording"),
                    d.getDate("updatedAt").toInstant());
        }
    }

    /** How close a deadline is: yellow once its share of time has passed, red once it is due. */
    public enum Warning { NONE, YELLOW, RED }

    /** A deadline a party has not yet met; {@code overdue} once the deadline clock reported it missed. */
    public record OpenDeadline(DeadlineKind kind, String party, Instant setAt, Instant dueAt, Instant warnAt,
                               boolean overdue) {

        public Warning warning(Instant now) {
            if (overdue || !dueAt.isAfter(now)) {
                return Warning.RED;
            }
            return warnAt.isAfter(now) ? Warning.NONE : Warning.YELLOW;
        }

        static OpenDeadline of(Document d) {
            return new OpenDeadline(DeadlineKind.valueOf(d.getString("kind")), d.getString("party"),
                    d.getDate("setAt").toInstant(), d.getDate("dueAt").toInstant(), d.getDate("warnAt").toInstant(),
                    d.getBoolean("overdue", false));
        }
    }
}
