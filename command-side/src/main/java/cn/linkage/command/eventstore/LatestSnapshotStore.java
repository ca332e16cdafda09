package cn.linkage.command.eventstore;

import com.mongodb.MongoWriteException;
import com.mongodb.ErrorCategory;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.Optional;

/** Keeps one snapshot per aggregate (document {@code _id} = aggregate identifier), never replacing a newer one. */
final class LatestSnapshotStore {

    private final MongoCollection<Document> snapshots;
    private final EventEntryCodec codec;

    /**
     * A snapshot is derived from events stored before it, so it is written with {@code w:1} and read
     * locally: what survives a crash is a prefix of the writes, so a surviving snapshot's events survive
     * too, and a read that answers outside the hub reads the events after it with majority, which waits
     * for everything before, the snapshot included.
     */
    LatestSnapshotStore(MongoCollection<Document> snapshots, EventEntryCodec codec) {
        this.snapshots = snapshots.withWriteConcern(WriteConcern.W1).withReadConcern(ReadConcern.LOCAL);
        this.codec = codec;
    }

    void store(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document entry = codec.encode(snapshot, serializer).append("_id", snapshot.getAggregateIdentifier());
        try {
            snapshots.replaceOne(Filters.and(Filters.eq("_id", snapshot.getAggregateIdentifier()),
                                             Filters.lt(EventEntryCodec.SEQUENCE_NUMBER,
                                                        snapshot.getSequenceNumber())),
                                 entry, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            // The filter missed because an equal or newer snapshot exists; the upsert then collides with it.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    Optional<DomainEventData<?>> read(String aggregateIdentifier) {
        return Optional.ofNullable(snapshots.find(Filters.eq("_id", aggregateIdentifier)).first())
                       .map(codec::decode);
    }
}
