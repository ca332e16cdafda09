package cn.linkage.command.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;

import java.time.Instant;
import java.util.Collections;

/** Creates the tokens a streaming processor starts from. Positions start at 1, so index 0 is the tail. */
final class TrackingTokenFactory {

    private final MongoCollection<Document> events;
    private final GlobalPositionCounter counter;

    TrackingTokenFactory(MongoCollection<Document> events, GlobalPositionCounter counter) {
        this.events = events;
        this.counter = counter;
    }

    TrackingToken tail() {
        return tokenAt(0);
    }

    /** Commits still in flight when the head is taken lie below it and will not be seen from this token. */
    TrackingToken head() {
        return tokenAt(counter.lastReserved());
    }

    /**
     * Positions the token before the first event (in global order) stamped at or after {@code dateTime}.
     * Event timestamps are not indexed, so this reads every commit; it runs only when an operator resets a
     * processor to a point in time.
     */
    TrackingToken at(Instant dateTime) {
        long firstMatching = Long.MAX_VALUE;
        for (Document commit : events.find().projection(
                Projections.include(CommitDocument.EVENTS + "." + EventEntryCodec.TIMESTAMP))) {
            long position = CommitDocument.firstPositionOf(commit);
            for (Document entry : CommitDocument.eventsOf(commit)) {
                if (position < firstMatching && !EventEntryCodec.timestampOf(entry).isBefore(dateTime)) {
                    firstMatching = position;
                }
                position++;
            }
        }
        return firstMatching == Long.MAX_VALUE ? head() : tokenAt(firstMatching - 1);
    }

    private static TrackingToken tokenAt(long index) {
        return GapAwareTrackingToken.newInstance(index, Collections.emptySet());
    }
}
