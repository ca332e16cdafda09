package cn.linkage.command.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the next batch for a streaming reader with one {@code $in} over the unique positions index: the token's
 * gaps plus the next {@code batchSize} positions. Positions in the window that are not found stay unseen; those
 * below a found one become gaps of the token, to be delivered if a slow writer fills them later.
 */
final class TrackedEventFetcher {

    private final MongoCollection<Document> events;
    private final GlobalPositionCounter counter;
    private final ExpiredGapPruner gapPruner;
    private final EventEntryCodec codec;
    private final int maxGapOffset;

    TrackedEventFetcher(MongoCollection<Document> events, GlobalPositionCounter counter, ExpiredGapPruner gapPruner,
                        EventEntryCodec codec, int maxGapOffset) {
        this.events = events;
        this.counter = counter;
        this.gapPruner = gapPruner;
        this.codec = codec;
        this.maxGapOffset = maxGapOffset;
    }

    List<TrackedEventData<?>> fetch(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = gapPruner.prune(startingFrom(lastToken));
        long windowSize = batchSize;
        while (true) {
            long windowEnd = token.getIndex() + windowSize;
            List<TrackedEventData<?>> batch = eventsAt(window(token.getIndex() + 1, windowEnd), token);
            // A window of abandoned positions must not stall the reader, so look further while writers have
            // reserved beyond it. The wider window starts again right after the token: a commit below the new
            // part may have become visible meanwhile and must come out first, in position order.
            if (!batch.isEmpty() || windowEnd >= counter.lastReserved()) {
                return batch;
            }
            windowSize *= 2;
        }
    }

    private static GapAwareTrackingToken startingFrom(TrackingToken lastToken) {
        if (lastToken == null) {
            return GapAwareTrackingToken.newInstance(0, Collections.emptySet());
        }
        if (!(lastToken instanceof GapAwareTrackingToken gapAware)) {
            throw new IllegalArgumentException("Expected a GapAwareTrackingToken but got " + lastToken.getClass());
        }
        return gapAware;
    }

    private static List<Long> window(long first, long last) {
        List<Long> positions = new ArrayList<>();
        for (long position = first; position <= last; position++) {
            positions.add(position);
        }
        return positions;
    }

    /**
     * Commits starting in the window are found by {@code _id}; the commit holding the next position (a
     * token may stop inside a commit) and commits holding the token's gaps by the positions index. Two
     * keyed queries: the positions index returns a commit once per matching key on the embedded store,
     * so asking it for the whole window would read every commit several times over.
     */
    private List<TrackedEventData<?>> eventsAt(List<Long> window, GapAwareTrackingToken token) {
        Set<Long> inside = new LinkedHashSet<>(token.getGaps());
        inside.add(token.getIndex() + 1);
        List<Document> found = events.find(Filters.in(CommitDocument.ID, window)).into(new ArrayList<>());
        events.find(Filters.in(CommitDocument.POSITIONS, inside)).into(found);
        List<Document> commits = CommitDocument.distinct(found);
        commits.sort(Comparator.comparingLong(CommitDocument::firstPositionOf));
        List<TrackedEventData<?>> batch = new ArrayList<>();
        GapAwareTrackingToken current = token;
        for (Document commit : commits) {
            long position = CommitDocument.firstPositionOf(commit);
            for (Document entry : CommitDocument.eventsOf(commit)) {
                // A token may point inside a commit (a reader stopped mid-commit): skip what it already covers.
                if (position > current.getIndex() || current.getGaps().contains(position)) {
                    current = current.advanceTo(position, maxGapOffset);
                    batch.add(codec.decodeTracked(entry, current));
                }
                position++;
            }
        }
        return batch;
    }
}
