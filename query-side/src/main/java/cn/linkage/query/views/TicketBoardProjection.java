package cn.linkage.query.views;

import cn.linkage.api.Caller;
import cn.linkage.api.TicketState;
import cn.linkage.api.event.TicketEvent;
import cn.linkage.api.event.TicketTransferredEvent;
import cn.linkage.query.ticket.TicketDetails;
import cn.linkage.query.ticket.TicketDetailsFold;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The supervision board: one document per ticket ({@code _id} = ticket id), with its state as
 * {@link TicketDetailsFold} tells it. On each event the ticket's events up to that one are read from
 * the event store (an {@code $in} lookup) and folded, and the document is replaced only if it holds
 * an older sequence — so the fold stays the one definition of a ticket's state, and replays or
 * out-of-order retries change nothing. The caller is stored masked only.
 * <p>Listing filters by any field and pages by {@code sortKey} (received time, then id): on the
 * embedded store that is a scan of the board collection; docs/supervision-views.md names the indexes
 * a real MongoDB needs.
 */
@ProcessingGroup(TicketBoardProjection.PROCESSING_GROUP)
public class TicketBoardProjection implements SupervisionView {

    public static final String PROCESSING_GROUP = "supervision-board";
    public static final String VIEW = "board";

    private final ViewVersions versions;
    private final EventStore eventStore;
    private final Duration signForLimit;

    public TicketBoardProjection(ViewVersions versions, EventStore eventStore, Duration signForLimit) {
        this.versions = versions;
        this.eventStore = eventStore;
        this.signForLimit = signForLimit;
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
        apply(event, sequence, versions.current(VIEW));
    }

    @Override
    public void apply(TicketEvent event, long sequence, int version) {
        TicketDetailsFold fold = new TicketDetailsFold();
        Instant[] lastTransfer = {null};
        Set<String> parties = new LinkedHashSet<>();
        eventStore.readEvents(event.ticketId().value(), 0).asStream()
                .filter(m -> m.getSequenceNumber() <= sequence)
                .map(DomainEventMessage::getPayload)
                .filter(TicketEvent.class::isInstance).map(TicketEvent.class::cast)
                .forEach(e -> {
                    fold.apply(e);
                    if (e instanceof TicketTransferredEvent t) {
                        lastTransfer[0] = t.occurredAt();
                    }
                    parties.add(e.actor().party().value());
                });
        fold.result().ifPresent(details -> write(versions.collection(VIEW, "tickets", version),
                document(details, sequence, lastTransfer[0], parties)));
    }

    private Document document(TicketDetails d, long sequence, Instant lastTransfer, Set<String> actors) {
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
                .append("sortKey", sortKey(received, d.ticketId().value()))
                .append("originTicketNumber", d.originTicketNumber())
                .append("state", d.state().name())
                .append("holder", d.holder() == null ? null : d.holder().value())
                .append("parties", new ArrayList<>(parties))
                .append("origin", d.originPlatform().value())
                .append("division", d.location() == null ? null : d.location().divisionCode())
                .append("requestType", d.requestType())
                .append("requestItem", d.requestItem())
                .append("receivedAt", Date.from(received))
                .append("callerName", caller == null ? null : caller.name())
                .append("callerPhone", caller == null ? null : caller.phoneNumber())
                .append("returnCount", d.returnCount())
                .append("updatedAt", Date.from(d.updateTime()));
        if (d.state() == TicketState.AWAITING_ACCEPTANCE && lastTransfer != null) {
            doc.append("signForDeadline", Date.from(lastTransfer.plus(signForLimit)));
        }
        return doc;
    }

    private static void write(MongoCollection<Document> board, Document doc) {
        try {
            board.replaceOne(Filters.and(Filters.eq("_id", doc.get("_id")), Filters.lt("seq", doc.getLong("seq"))),
                    doc, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // The board already holds this event or a later one.
        }
    }

    /** Received time (epoch millis, zero-padded) then ticket id: sorts as text in time order. */
    static String sortKey(Instant received, String ticketId) {
        return String.format("%015d|%s", received.toEpochMilli(), ticketId);
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
        if (afterSortKey != null && !afterSortKey.isEmpty()) {
            conditions.add(Filters.lt("sortKey", afterSortKey));
        }
        Bson query = conditions.isEmpty() ? new Document() : Filters.and(conditions);
        List<BoardEntry> entries = new ArrayList<>();
        versions.collection(VIEW, "tickets", versions.current(VIEW)).find(query).sort(Sorts.descending("sortKey"))
                .limit(pageSize).forEach(doc -> entries.add(BoardEntry.of(doc)));
        return entries;
    }

    /** The board document of one ticket, as stored (for rebuild checks and tests). */
    public Document document(String ticketId) {
        return versions.collection(VIEW, "tickets", versions.current(VIEW)).find(Filters.eq("_id", ticketId)).first();
    }

    private static void addEq(List<Bson> conditions, String field, String value) {
        if (value != null && !value.isEmpty()) {
            conditions.add(Filters.eq(field, value));
        }
    }

    /** What a board listing may filter on; null or empty means "any". */
    public record BoardFilter(TicketState state, String originPlatform, String party, String divisionCode,
                              String requestType, Instant receivedFrom, Instant receivedBefore) {
    }

    /** One ticket on the board; the caller is already masked. */
    public record BoardEntry(String ticketId, String sortKey, String originTicketNumber, TicketState state,
                             String holder, List<String> parties, String originPlatform, String divisionCode,
                             String requestType, String requestItem, Instant receivedAt, String callerName,
                             String callerPhone, Instant signForDeadline, int returnCount, Instant updatedAt) {

        static BoardEntry of(Document d) {
            Date deadline = d.getDate("signForDeadline");
            return new BoardEntry(d.getString("_id"), d.getString("sortKey"), d.getString("originTicketNumber"),
                    TicketState.valueOf(d.getString("state")), d.getString("holder"),
                    d.getList("parties", String.class, List.of()), d.getString("origin"), d.getString("division"),
                    d.getString("requestType"), d.getString("requestItem"), d.getDate("receivedAt").toInstant(),
                    d.getString("callerName"), d.getString("callerPhone"),
                    deadline == null ? null : deadline.toInstant(), d.getInteger("returnCount", 0),
                    d.getDate("updatedAt").toInstant());
        }
    }
}
