package cn.linkage.command.eventstore;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Hands out global positions from one counter document. Positions start at 1; a reservation that is never
 * written stays a gap forever, which tracking readers tolerate.
 */
final class GlobalPositionCounter {

    private static final String VALUE = "value";

    private final MongoCollection<Document> counters;
    private final String counterId;

    /**
     * Reservations are written with {@code w:1}: the commit that uses them is written with the database's
     * (majority, journaled) concern after them, and what reaches the disk is a prefix of the writes in
     * order (the embedded store's commits, a replica set's oplog), so a stored commit's positions are
     * never handed out again. A reservation lost with its unwritten commit was never seen by a reader.
     */
    GlobalPositionCounter(MongoCollection<Document> counters, String counterId) {
        this.counters = counters.withWriteConcern(WriteConcern.W1);
        this.counterId = counterId;
    }

    /** Reserves {@code count} consecutive positions and returns the first. */
    long reserve(int count) {
        Document after = counters.findOneAndUpdate(
                Filters.eq("_id", counterId),
                Updates.inc(VALUE, (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) after.get(VALUE)).longValue() - count + 1;
    }

    /** The highest position reserved so far, 0 if none. */
    long lastReserved() {
        Document counter = counters.find(Filters.eq("_id", counterId)).first();
        return counter == null ? 0 : ((Number) counter.get(VALUE)).longValue();
    }
}
