package cn.linkage.command.eventstore;

import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * The serialized events of one append, checked and ready to be placed at a global position.
 * <p>
 * A unique multikey index only rejects keys held by <em>another</em> document, so clashes inside the commit
 * itself are caught here, before anything is reserved or written.
 */
final class UnstoredCommit {

    private final List<Document> entries;
    private final List<String> streamKeys;

    private UnstoredCommit(List<Document> entries, List<String> streamKeys) {
        this.entries = entries;
        this.streamKeys = streamKeys;
    }

    static UnstoredCommit of(List<Document> entries) {
        Set<String> eventIdentifiers = new HashSet<>();
        Map<String, Long> lastSequenceByAggregate = new HashMap<>();
        List<String> streamKeys = new ArrayList<>(entries.size());
        for (Document entry : entries) {
            String aggregate = EventEntryCodec.aggregateIdentifierOf(entry);
            long sequence = EventEntryCodec.sequenceNumberOf(entry);
            if (!eventIdentifiers.add(entry.getString(EventEntryCodec.EVENT_IDENTIFIER))) {
                throw new DuplicateEventInCommitException("event identifier "
                                                          + entry.getString(EventEntryCodec.EVENT_IDENTIFIER));
            }
            Long previous = lastSequenceByAggregate.put(aggregate, sequence);
            if (previous != null && sequence <= previous) {
                throw new DuplicateEventInCommitException("sequence " + sequence + " of aggregate " + aggregate);
            }
            if (previous != null && sequence != previous + 1) {
                // Loading relies on an aggregate's sequence numbers being contiguous.
                throw new IllegalArgumentException("Aggregate " + aggregate + " jumps from sequence "
                                                   + previous + " to " + sequence + " within one commit");
            }
            streamKeys.add(CommitDocument.streamKey(aggregate, sequence));
        }
        return new UnstoredCommit(entries, streamKeys);
    }

    int eventCount() {
        return entries.size();
    }

    Document placedAt(long firstPosition, long storedAtMillis) {
        List<Long> positions = LongStream.range(firstPosition, firstPosition + entries.size()).boxed().toList();
        return new Document(CommitDocument.ID, firstPosition)
                .append(CommitDocument.POSITIONS, positions)
                .append(CommitDocument.STREAM_KEYS, streamKeys)
                .append(CommitDocument.STORED_AT, storedAtMillis)
                .append(CommitDocument.EVENTS, entries);
    }
}
