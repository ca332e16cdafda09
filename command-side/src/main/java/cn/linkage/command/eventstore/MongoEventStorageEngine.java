package cn.linkage.command.eventstore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon event storage on plain MongoDB (driver-sync) that needs neither transactions nor range queries: each append
 * is one commit document, and every read is an exact or {@code $in} lookup on a unique key. See the package
 * documentation for the layout and its guarantees.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    private static final int SCAN_BATCH = 1_000;

    private final MongoCollection<Document> events;
    private final EventEntryCodec codec = new EventEntryCodec();
    private final CommitWriter commitWriter;
    private final TrackedEventFetcher trackedEventFetcher;
    private final AggregateStreamReader aggregateStreamReader;
    private final LatestSnapshotStore snapshotStore;
    private final TrackingTokenFactory tokenFactory;
    private final GlobalPositionCounter counter;
    private final int maxGapOffset;

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        MongoEventStoreSettings settings = builder.settings;
        MongoDatabase database = builder.database;
        this.events = database.getCollection(settings.eventsCollection());
        GlobalPositionCounter counter = new GlobalPositionCounter(
                database.getCollection(settings.countersCollection()), settings.eventsCollection());
        this.commitWriter = new CommitWriter(events, counter, settings.clock(), settings.gapTimeout(),
                                             builder.afterReservation);
        ExpiredGapPruner gapPruner = new ExpiredGapPruner(events, settings.clock(), settings.gapTimeout(),
                                                          settings.maxGapOffset());
        this.trackedEventFetcher = new TrackedEventFetcher(events, counter, gapPruner, codec,
                                                           settings.maxGapOffset());
        this.aggregateStreamReader = new AggregateStreamReader(events, codec, settings.aggregateProbeWindow());
        this.snapshotStore = new LatestSnapshotStore(database.getCollection(settings.snapshotsCollection()), codec);
        this.tokenFactory = new TrackingTokenFactory(events, counter);
        this.counter = counter;
        this.maxGapOffset = settings.maxGapOffset();
        ensureIndexes();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Idempotent: creating an existing index with the same options is a no-op. */
    private void ensureIndexes() {
        events.createIndex(Indexes.ascending(CommitDocument.STREAM_KEYS),
                           new IndexOptions().unique(true).name("unique_stream_keys"));
        events.createIndex(Indexes.ascending(CommitDocument.POSITIONS),
                           new IndexOptions().unique(true).name("unique_positions"));
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> eventMessages, Serializer serializer) {
        if (eventMessages.isEmpty()) {
            return;
        }
        try {
            List<Document> entries = new ArrayList<>(eventMessages.size());
            eventMessages.forEach(event -> entries.add(codec.encode(event, serializer)));
            UnstoredCommit commit = UnstoredCommit.of(entries);
            EventHashChain.link(entries, aggregateStreamReader::storedHash);
            commitWriter.write(commit);
            aggregateStreamReader.remember(entries);
        } catch (MongoException | DuplicateEventInCommitException e) {
            handlePersistenceException(e, eventMessages.get(0));
        }
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        snapshotStore.store(snapshot, serializer);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return snapshotStore.read(aggregateIdentifier).stream();
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return trackedEventFetcher.fetch(lastToken, batchSize);
    }

    /** Streams lazily, one key probe per window, and stops as soon as a probe proves the stream complete. */
    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        Iterator<DomainEventData<?>> iterator = aggregateStreamReader.read(identifier, firstSequenceNumber,
                                                                           loadingForACommand());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(
                iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Whether the current thread handles a command (Axon's repository loading the aggregate for it). */
    private static boolean loadingForACommand() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() instanceof CommandMessage;
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        try (Stream<? extends DomainEventData<?>> stream = readEventData(aggregateIdentifier, firstSequenceNumber)) {
            return stream.limit(batchSize).toList();
        }
    }

    /**
     * Feeds every stored domain event to {@code consumer} from one scan of the commits in position order:
     * each aggregate's events come in sequence order. Much faster than a tracking stream, which looks up
     * every position by key; meant for rebuilding read models.
     * <p>A commit still in flight when the scan starts may land below the positions the scan has passed.
     * The settings require every in-flight commit to lie within {@code maxGapOffset} positions of the last
     * one reserved, so the returned token has that last position as its index and every position near
     * it the scan did not see as a gap: a tracking stream opened at it delivers exactly what the scan may
     * have missed, plus commits it saw beyond its start (those come twice; readers must be idempotent).
     */
    public TrackingToken scanAll(Consumer<? super DomainEventMessage<?>> consumer) {
        long reserved = counter.lastReserved();
        long watchedFrom = Math.max(1, reserved - maxGapOffset + 1);
        BitSet seen = new BitSet();
        for (Document commit : events.find().sort(Sorts.ascending(CommitDocument.ID)).batchSize(SCAN_BATCH)) {
            long position = CommitDocument.firstPositionOf(commit);
            List<DomainEventData<?>> domainEvents = new ArrayList<>();
            for (Document entry : CommitDocument.eventsOf(commit)) {
                if (position >= watchedFrom && position <= reserved) {
                    seen.set((int) (position - watchedFrom));
                }
                position++;
                if (!EventEntryCodec.isPlainEvent(entry)) {
                    domainEvents.add(codec.decode(entry));
                }
            }
            EventStreamUtils.upcastAndDeserializeDomainEvents(domainEvents.stream(), getEventSerializer(),
                    upcasterChain).asStream().forEach(consumer);
        }
        Set<Long> unseen = new TreeSet<>();
        for (long position = watchedFrom; position <= reserved; position++) {
            if (!seen.get((int) (position - watchedFrom))) {
                unseen.add(position);
            }
        }
        return GapAwareTrackingToken.newInstance(reserved, unseen);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return aggregateStreamReader.lastSequenceNumber(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return tokenFactory.tail();
    }

    @Override
    public TrackingToken createHeadToken() {
        return tokenFactory.head();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return tokenFactory.at(dateTime);
    }

    /**
     * Builds a {@link MongoEventStorageEngine}. Set the event and snapshot serializers explicitly: Axon's XStream
     * default does not work on Java 17.
     */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private MongoEventStoreSettings settings = MongoEventStoreSettings.defaults();
        private LongConsumer afterReservation = firstPosition -> {
        };

        protected Builder() {
            persistenceExceptionResolver(new MongoDuplicateKeyResolver());
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder settings(MongoEventStoreSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Test seam: runs between reserving positions and inserting the commit, to simulate a slow writer. */
        Builder afterReservation(LongConsumer afterReservation) {
            this.afterReservation = afterReservation;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotFilter(Predicate<? super DomainEventData<?>> snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        public Builder finalAggregateBatchPredicate(Predicate<List<? extends DomainEventData<?>>> predicate) {
            super.finalAggregateBatchPredicate(predicate);
            return this;
        }

        @Override
        protected void validate() {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("The MongoDatabase is mandatory");
            }
        }

        public MongoEventStorageEngine build() {
            validate();
            return new MongoEventStorageEngine(this);
        }
    }
}
