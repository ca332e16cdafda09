package cn.linkage.command.eventstore;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of {@link MongoEventStorageEngine}.
 *
 * @param eventsCollection       holds one document per stored commit
 * @param snapshotsCollection    holds the latest snapshot per aggregate
 * @param countersCollection     holds the global position counter
 * @param gapTimeout             how long a tracking reader waits for a reserved position to be filled before it
 *                               gives up on it; writers abandon a reservation older than half of this
 * @param maxGapOffset           how far below its index a tracking token keeps gaps; must exceed the number of
 *                               positions reserved during one {@code gapTimeout} at peak load
 * @param aggregateProbeWindow   how many sequence numbers one aggregate-load query asks for
 * @param clock                  wall clock for {@code storedAt} and gap expiry
 */
public record MongoEventStoreSettings(String eventsCollection,
                                      String snapshotsCollection,
                                      String countersCollection,
                                      Duration gapTimeout,
                                      int maxGapOffset,
                                      int aggregateProbeWindow,
                                      Clock clock) {

    public MongoEventStoreSettings {
        Objects.requireNonNull(eventsCollection, "eventsCollection");
        Objects.requireNonNull(snapshotsCollection, "snapshotsCollection");
        Objects.requireNonNull(countersCollection, "countersCollection");
        Objects.requireNonNull(clock, "clock");
        if (gapTimeout == null || gapTimeout.isNegative() || gapTimeout.isZero()) {
            throw new IllegalArgumentException("gapTimeout must be positive");
        }
        if (maxGapOffset < 1 || aggregateProbeWindow < 1) {
            throw new IllegalArgumentException("maxGapOffset and aggregateProbeWindow must be positive");
        }
    }

    public static MongoEventStoreSettings defaults() {
        return new MongoEventStoreSettings("events", "snapshots", "counters",
                                           Duration.ofSeconds(60), 10_000, 32, Clock.systemUTC());
    }

    public MongoEventStoreSettings withGapTimeout(Duration gapTimeout) {
        return new MongoEventStoreSettings(eventsCollection, snapshotsCollection, countersCollection,
                                           gapTimeout, maxGapOffset, aggregateProbeWindow, clock);
    }

    public MongoEventStoreSettings withMaxGapOffset(int maxGapOffset) {
        return new MongoEventStoreSettings(eventsCollection, snapshotsCollection, countersCollection,
                                           gapTimeout, maxGapOffset, aggregateProbeWindow, clock);
    }

    public MongoEventStoreSettings withAggregateProbeWindow(int aggregateProbeWindow) {
        return new MongoEventStoreSettings(eventsCollection, snapshotsCollection, countersCollection,
                                           gapTimeout, maxGapOffset, aggregateProbeWindow, clock);
    }

    public MongoEventStoreSettings withClock(Clock clock) {
        return new MongoEventStoreSettings(eventsCollection, snapshotsCollection, countersCollection,
                                           gapTimeout, maxGapOffset, aggregateProbeWindow, clock);
    }

    public MongoEventStoreSettings withCollectionPrefix(String prefix) {
        return new MongoEventStoreSettings(prefix + eventsCollection, prefix + snapshotsCollection,
                                           prefix + countersCollection, gapTimeout, maxGapOffset,
                                           aggregateProbeWindow, clock);
    }
}
