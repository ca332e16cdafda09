package cn.linkage.command.eventstore;

import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Field names and readers of a stored commit: the document holding every event of one append. */
final class CommitDocument {

    /** Global position of the commit's first event; event {@code i} of the commit sits at {@code _id + i}. */
    static final String ID = "_id";
    static final String EVENTS = "events";
    /** Every global position the commit occupies; unique, so a tracking reader finds a commit by any of them. */
    static final String POSITIONS = "positions";
    /** One {@code aggregateId:sequenceNumber} per event; unique, so two writers cannot store the same event slot. */
    static final String STREAM_KEYS = "streamKeys";
    /** Writer wall clock (epoch millis) at insert; judges how long a gap before this commit may still fill. */
    static final String STORED_AT = "storedAt";

    private CommitDocument() {
    }

    static String streamKey(String aggregateIdentifier, long sequenceNumber) {
        // The sequence number is numeric and last, so identifiers that contain ':' stay unambiguous.
        return aggregateIdentifier + ":" + sequenceNumber;
    }

    static long firstPositionOf(Document commit) {
        return ((Number) commit.get(ID)).longValue();
    }

    static long storedAtOf(Document commit) {
        return ((Number) commit.get(STORED_AT)).longValue();
    }

    /**
     * mongo-java-server returns a document once per matching key of a multikey {@code $in}; MongoDB returns it
     * once. Deduplicating by {@code _id} makes both behave alike.
     */
    static List<Document> distinct(List<Document> commits) {
        Map<Long, Document> byId = new LinkedHashMap<>();
        commits.forEach(commit -> byId.putIfAbsent(firstPositionOf(commit), commit));
        return new ArrayList<>(byId.values());
    }

    static List<Document> eventsOf(Document commit) {
        return commit.getList(EVENTS, Document.class);
    }
}
