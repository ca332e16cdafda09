package cn.linkage.query.views;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * What a view remembers of one ticket to judge its later events: handovers, sign-fors and returns,
 * each with the event's sequence. A judgement about event n only looks at facts before n, so
 * replaying an event (its own fact already stored) decides exactly as the first time did.
 * Stored as one document per ticket ({@code _id} = ticket id) in the view's own collection.
 *
 * @param facts the ticket's facts before the event being judged, oldest first
 */
public record TicketFacts(List<Fact> facts, Document ticket) {

    /** SIGN_FOR_DUE and COMPLETION_DUE carry the deadline in {@code at}; RESULT is a reported result. */
    public enum Kind { TRANSFER, DISPATCH, ACCEPT, RETURN, SIGN_FOR_DUE, COMPLETION_DUE, RESULT }

    /**
     * @param party the target, the handling unit, or the party that signed for / returned
     * @param from  for a transfer, the party that transferred; else empty
     * @param row   for a transfer, the catalogue row or "none"; else empty
     */
    public record Fact(long sequence, Kind kind, String party, String from, String row, Instant at) {

        Document toDocument() {
            return new Document("seq", sequence).append("kind", kind.name()).append("party", party)
                    .append("from", from).append("row", row).append("at", at.toEpochMilli());
        }

        static Fact of(Document d) {
            return new Fact(d.getLong("seq"), Kind.valueOf(d.getString("kind")), d.getString("party"),
                    d.getString("from"), d.getString("row"), Instant.ofEpochMilli(d.getLong("at")));
        }
    }

    /** The part (collection) of a view that holds its ticket facts. */
    public static final String PART = "tickets";

    /** The facts of {@code ticketId} recorded before event {@code sequence}. */
    public static TicketFacts before(ViewWriter writer, String ticketId, long sequence) {
        Document doc = writer.find(PART, ticketId);
        if (doc == null) {
            return new TicketFacts(List.of(), new Document());
        }
        List<Fact> facts = doc.getList("facts", Document.class, List.of()).stream().map(Fact::of)
                .filter(f -> f.sequence() < sequence)
                .sorted(java.util.Comparator.comparingLong(Fact::sequence)).toList();
        return new TicketFacts(facts, doc);
    }

    public static void record(ViewWriter writer, String ticketId, Fact fact) {
        writer.addToSet(PART, ticketId, "facts", fact.toDocument());
    }

    /** Sets a descriptive field of the ticket (request item …); setting it again is harmless. */
    public static void describe(ViewWriter writer, String ticketId, String field, String value) {
        writer.set(PART, ticketId, field, value);
    }

    /** The latest transfer naming {@code party}, or dispatch to it. */
    public Optional<Fact> lastHandoverTo(String party) {
        return last(party, Kind.TRANSFER, Kind.DISPATCH);
    }

    /** The latest transfer naming {@code party}. */
    public Optional<Fact> lastTransferTo(String party) {
        return last(party, Kind.TRANSFER, Kind.TRANSFER);
    }

    /** The party's latest deadline of this kind, and whether it was met by {@code at}. */
    public boolean metDeadline(Kind due, String party, Instant at) {
        return last(party, due, due).map(d -> !at.isAfter(d.at())).orElse(false);
    }

    /** Whether the party reported a result after its latest completion deadline was set. */
    public boolean reportedResultSinceDeadline(String party) {
        long since = last(party, Kind.COMPLETION_DUE, Kind.COMPLETION_DUE).map(Fact::sequence).orElse(-1L);
        return facts.stream().anyMatch(f -> f.kind() == Kind.RESULT && f.party().equals(party) && f.sequence() > since);
    }

    /** Whether the party has a completion deadline at all. */
    public boolean hasCompletionDeadline(String party) {
        return last(party, Kind.COMPLETION_DUE, Kind.COMPLETION_DUE).isPresent();
    }

    /** The party's returns, oldest first. */
    public List<Fact> returnsBy(String party) {
        return facts.stream().filter(f -> f.kind() == Kind.RETURN && f.party().equals(party)).toList();
    }

    /** These facts as they stood before event {@code sequence}. */
    public TicketFacts before(long sequence) {
        return new TicketFacts(facts.stream().filter(f -> f.sequence() < sequence).toList(), ticket);
    }

    public boolean returnedBefore(String party) {
        return facts.stream().anyMatch(f -> f.kind() == Kind.RETURN && f.party().equals(party));
    }

    /** Parties that took part in handling: signed for the ticket or were dispatched it. */
    public Set<String> participants() {
        Set<String> parties = new LinkedHashSet<>();
        facts.stream().filter(f -> f.kind() == Kind.ACCEPT || f.kind() == Kind.DISPATCH)
                .forEach(f -> parties.add(f.party()));
        return parties;
    }

    private Optional<Fact> last(String party, Kind one, Kind other) {
        Fact found = null;
        for (Fact f : facts) {
            if ((f.kind() == one || f.kind() == other) && f.party().equals(party)) {
                found = f;
            }
        }
        return Optional.ofNullable(found);
    }
}
