package cn.linkage.command.eventstore;

import com.mongodb.ReadConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.axonframework.eventhandling.DomainEventData;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Loads an aggregate's events by probing the unique stream keys with {@code $in} over a window of sequence
 * numbers. An aggregate's sequence numbers are contiguous, so when the highest one found lies below the end of
 * the window the stream is complete: a further event would have had its key inside the window.
 */
final class AggregateStreamReader {

    private static final Bson WHOLE_EVENTS = Projections.include(CommitDocument.EVENTS);
    /** Finding the last sequence number needs neither payloads nor metadata. */
    private static final Bson EVENT_SLOTS_ONLY = Projections.include(
            CommitDocument.EVENTS + "." + EventEntryCodec.AGGREGATE_IDENTIFIER,
            CommitDocument.EVENTS + "." + EventEntryCodec.SEQUENCE_NUMBER);

    private static final Bson CHAIN_SLOTS = Projections.include(
            CommitDocument.EVENTS + "." + EventEntryCodec.AGGREGATE_IDENTIFIER,
            CommitDocument.EVENTS + "." + EventEntryCodec.SEQUENCE_NUMBER,
            CommitDocument.EVENTS + "." + EventHashChain.HASH);

    private static final int REMEMBERED_HEADS = 10_000;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> eventsAsApplied;
    private final EventEntryCodec codec;
    private final int probeWindow;
    /**
     * The last hash seen per aggregate, from loads and appends. The repository loads an aggregate right
     * before appending to it, so the next commit's chain link is usually here and costs no extra read.
     * A stale entry is harmless: it only ever matches the exact sequence number it was read at.
     */
    private final Map<String, Head> heads = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
                    return size() > REMEMBERED_HEADS;
                }
            });

    private record Head(long sequenceNumber, String hash) {
    }

    AggregateStreamReader(MongoCollection<Document> events, EventEntryCodec codec, int probeWindow) {
        this.events = events;
        // Loads for a command read what is applied, durable or not (see read()).
        this.eventsAsApplied = events.withReadConcern(ReadConcern.LOCAL);
        this.codec = codec;
        this.probeWindow = probeWindow;
    }

    /**
     * Lazily yields the aggregate's events from {@code firstSequenceNumber} on, one probe per window.
     *
     * @param forCommand the load of an aggregate that a command is about to append to: it reads events
     *                   applied but perhaps not yet durable (read concern local), because the command's
     *                   own append is written with majority after them and what survives a crash is a
     *                   prefix of the writes in order: the command is acknowledged only once everything it
     *                   read is durable too. Any other read sees only durable events (majority).
     */
    Iterator<DomainEventData<?>> read(String aggregateIdentifier, long firstSequenceNumber, boolean forCommand) {
        MongoCollection<Document> source = forCommand ? eventsAsApplied : events;
        return new Iterator<>() {
            private Slice slice = probe(source, aggregateIdentifier, firstSequenceNumber, WHOLE_EVENTS);
            private int next;

            @Override
            public boolean hasNext() {
                while (next == slice.entries().size() && !slice.complete()) {
                    slice = probe(source, aggregateIdentifier, slice.nextSequenceNumber(), WHOLE_EVENTS);
                    next = 0;
                }
                return next < slice.entries().size();
            }

            @Override
            public DomainEventData<?> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return codec.decode(slice.entries().get(next++));
            }
        };
    }

    Optional<Long> lastSequenceNumber(String aggregateIdentifier) {
        Slice slice = probe(events, aggregateIdentifier, 0, EVENT_SLOTS_ONLY);
        Long last = null;
        while (true) {
            if (!slice.entries().isEmpty()) {
                last = slice.nextSequenceNumber() - 1;
            }
            if (slice.complete()) {
                return Optional.ofNullable(last);
            }
            slice = probe(events, aggregateIdentifier, slice.nextSequenceNumber(), EVENT_SLOTS_ONLY);
        }
    }

    /**
     * The stored hash of one event, for the chain of the next commit: one exact lookup on its stream key.
     * Events stored before the chain existed have none and chain from {@link EventHashChain#GENESIS}.
     */
    String storedHash(String aggregateIdentifier, long sequenceNumber) {
        Head head = heads.get(aggregateIdentifier);
        if (head != null && head.sequenceNumber() == sequenceNumber) {
            return head.hash();
        }
        Document commit = eventsAsApplied.find(Filters.eq(CommitDocument.STREAM_KEYS,
                                                 CommitDocument.streamKey(aggregateIdentifier, sequenceNumber)))
                                .projection(CHAIN_SLOTS).first();
        if (commit == null) {
            return EventHashChain.GENESIS;
        }
        return CommitDocument.eventsOf(commit).stream()
                             .filter(e -> aggregateIdentifier.equals(EventEntryCodec.aggregateIdentifierOf(e))
                                          && EventEntryCodec.sequenceNumberOf(e) == sequenceNumber)
                             .map(e -> e.getString(EventHashChain.HASH))
                             .filter(java.util.Objects::nonNull)
                             .findFirst().orElse(EventHashChain.GENESIS);
    }

    /** Remembers the newest hashed entry of each aggregate among {@code entries}. */
    void remember(List<Document> entries) {
        for (Document entry : entries) {
            String hash = entry.getString(EventHashChain.HASH);
            if (hash != null) {
                heads.merge(EventEntryCodec.aggregateIdentifierOf(entry),
                            new Head(EventEntryCodec.sequenceNumberOf(entry), hash),
                            (old, fresh) -> fresh.sequenceNumber() >= old.sequenceNumber() ? fresh : old);
            }
        }
    }

    private Slice probe(MongoCollection<Document> source, String aggregateIdentifier, long from, Bson projection) {
        long windowEnd = from + probeWindow - 1;
        List<String> keys = new ArrayList<>(probeWindow);
        for (long sequence = from; sequence <= windowEnd; sequence++) {
            keys.add(CommitDocument.streamKey(aggregateIdentifier, sequence));
        }
        List<Document> entries = new ArrayList<>();
        for (Document commit : CommitDocument.distinct(
                source.find(Filters.in(CommitDocument.STREAM_KEYS, keys)).projection(projection)
                      .into(new ArrayList<>()))) {
            for (Document entry : CommitDocument.eventsOf(commit)) {
                if (aggregateIdentifier.equals(EventEntryCodec.aggregateIdentifierOf(entry))
                    && EventEntryCodec.sequenceNumberOf(entry) >= from) {
                    entries.add(entry);
                }
            }
        }
        entries.sort(Comparator.comparingLong(EventEntryCodec::sequenceNumberOf));
        if (projection == WHOLE_EVENTS) {
            remember(entries);
        }
        long highest = entries.isEmpty() ? from - 1 : EventEntryCodec.sequenceNumberOf(entries.get(entries.size() - 1));
        return new Slice(entries, highest < windowEnd, highest + 1);
    }

    private record Slice(List<Document> entries, boolean complete, long nextSequenceNumber) {
    }
}
