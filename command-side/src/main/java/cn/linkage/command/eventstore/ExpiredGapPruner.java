package cn.linkage.command.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Drops gaps a tracking token no longer needs to wait for.
 * <p>
 * A run of gaps is judged by the commit right after it: that commit reserved its positions after the gap's writer
 * did, and writers never insert more than half a gap timeout after reserving. Once that commit was stored more
 * than a full gap timeout ago, the gap can no longer fill (the other half is margin for clock skew between
 * writer nodes and insert latency). Looking the commit up is one {@code $in} on the unique positions index.
 */
final class ExpiredGapPruner {

    private final MongoCollection<Document> events;
    private final Clock clock;
    private final Duration gapTimeout;
    private final int maxGapOffset;

    ExpiredGapPruner(MongoCollection<Document> events, Clock clock, Duration gapTimeout, int maxGapOffset) {
        this.events = events;
        this.clock = clock;
        this.gapTimeout = gapTimeout;
        this.maxGapOffset = maxGapOffset;
    }

    GapAwareTrackingToken prune(GapAwareTrackingToken token) {
        GapAwareTrackingToken bounded = token.withGapsTruncatedAt(token.getIndex() - maxGapOffset);
        if (!bounded.hasGaps()) {
            return bounded;
        }
        List<GapRun> runs = GapRun.of(bounded.getGaps());
        Map<Long, Long> storedAtByPosition = storedAtOfCommitsAt(runs);
        long expiredBefore = clock.millis() - gapTimeout.toMillis();
        SortedSet<Long> keptGaps = new TreeSet<>();
        for (GapRun run : runs) {
            Long nextStoredAt = storedAtByPosition.get(run.last() + 1);
            if (nextStoredAt == null || nextStoredAt >= expiredBefore) {
                run.addTo(keptGaps);
            }
        }
        return keptGaps.size() == bounded.getGaps().size()
               ? bounded
               : GapAwareTrackingToken.newInstance(bounded.getIndex(), keptGaps);
    }

    private Map<Long, Long> storedAtOfCommitsAt(List<GapRun> runs) {
        List<Long> positionsAfterRuns = runs.stream().map(run -> run.last() + 1).toList();
        Map<Long, Long> storedAtByPosition = new HashMap<>();
        for (Document commit : events.find(Filters.in(CommitDocument.POSITIONS, positionsAfterRuns))
                                     .projection(Projections.include(CommitDocument.POSITIONS,
                                                                     CommitDocument.STORED_AT))) {
            long storedAt = CommitDocument.storedAtOf(commit);
            for (Object position : commit.getList(CommitDocument.POSITIONS, Object.class)) {
                storedAtByPosition.put(((Number) position).longValue(), storedAt);
            }
        }
        return storedAtByPosition;
    }

    /** Consecutive gap positions {@code first..last}. */
    private record GapRun(long first, long last) {

        static List<GapRun> of(SortedSet<Long> gaps) {
            List<GapRun> runs = new ArrayList<>();
            long first = -1;
            long last = -2;
            for (long gap : gaps) {
                if (gap != last + 1) {
                    if (first >= 0) {
                        runs.add(new GapRun(first, last));
                    }
                    first = gap;
                }
                last = gap;
            }
            runs.add(new GapRun(first, last));
            return runs;
        }

        void addTo(SortedSet<Long> gaps) {
            for (long gap = first; gap <= last; gap++) {
                gaps.add(gap);
            }
        }
    }
}
