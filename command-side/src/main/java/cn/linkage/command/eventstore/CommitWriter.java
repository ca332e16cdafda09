package cn.linkage.command.eventstore;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * Places a commit at freshly reserved global positions and inserts it as one document, which MongoDB writes
 * atomically: readers see all of a unit of work's events or none.
 * <p>
 * Readers give up on a reserved-but-unwritten position once the next commit after it is older than the gap
 * timeout. So that such a position is never filled after a reader gave up on it, the writer refuses to insert
 * at positions reserved more than half the gap timeout ago: it abandons them (they stay gaps) and reserves anew.
 */
final class CommitWriter {

    private static final Logger logger = LoggerFactory.getLogger(CommitWriter.class);

    private final MongoCollection<Document> events;
    private final GlobalPositionCounter counter;
    private final Clock clock;
    private final long reservationBudgetNanos;
    private final LongConsumer afterReservation;

    CommitWriter(MongoCollection<Document> events, GlobalPositionCounter counter, Clock clock,
                 Duration gapTimeout, LongConsumer afterReservation) {
        this.events = events;
        this.counter = counter;
        this.clock = clock;
        this.reservationBudgetNanos = gapTimeout.toNanos() / 2;
        this.afterReservation = afterReservation;
    }

    /** Returns the global position of the commit's first event. */
    long write(UnstoredCommit commit) {
        while (true) {
            long reservedAt = System.nanoTime();
            long firstPosition = counter.reserve(commit.eventCount());
            afterReservation.accept(firstPosition);
            Document placed = commit.placedAt(firstPosition, clock.millis());
            if (System.nanoTime() - reservedAt <= reservationBudgetNanos) {
                events.insertOne(placed);
                return firstPosition;
            }
            logger.warn("Abandoning positions {}..{}: reserved too long ago to be written safely",
                        firstPosition, firstPosition + commit.eventCount() - 1);
        }
    }
}
