package cn.linkage.command.eventstore;

import cn.linkage.command.eventstore.ChainReport.BrokenLink;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.bson.Document;

/**
 * Recomputes the hash chains from the stored documents alone and reports the first broken link:
 * an event whose content no longer matches its hash (altered), a hole in a ticket's sequence or a
 * predecessor hash that does not match (removed), and — against the sealed checkpoints — commits
 * that vanished entirely, which is how a removed whole ticket is noticed.
 */
public final class ChainVerifier {

    private static final int WINDOW = 500;

    private final MongoCollection<Document> events;
    private final GlobalPositionCounter counter;
    private final ChainCheckpoints checkpoints;
    private final int probeWindow;

    public ChainVerifier(MongoDatabase database, MongoEventStoreSettings settings, ChainCheckpoints checkpoints) {
        this.events = database.getCollection(settings.eventsCollection());
        this.counter = new GlobalPositionCounter(database.getCollection(settings.countersCollection()),
                                                 settings.eventsCollection());
        this.checkpoints = checkpoints;
        this.probeWindow = settings.aggregateProbeWindow();
    }

    /** One ticket's chain, from its first event. */
    public ChainReport verifyAggregate(String aggregateId) {
        List<Placed> placed = storedEventsOf(aggregateId);
        List<BrokenLink> links = new ArrayList<>();
        ChainState state = new ChainState();
        placed.forEach(p -> state.check(p, links));
        return ChainReport.of(placed.size(), links);
    }

    /** The stored hash of each of a ticket's events, by sequence number, for the audit history. */
    public Map<Long, String> hashesOf(String aggregateId) {
        Map<Long, String> hashes = new HashMap<>();
        storedEventsOf(aggregateId).forEach(p -> hashes.put(p.sequence(), p.entry().getString(EventHashChain.HASH)));
        return hashes;
    }

    private List<Placed> storedEventsOf(String aggregateId) {
        List<Placed> placed = new ArrayList<>();
        long from = 0;
        while (true) {
            List<String> keys = new ArrayList<>(probeWindow);
            for (long s = from; s < from + probeWindow; s++) {
                keys.add(CommitDocument.streamKey(aggregateId, s));
            }
            List<Placed> window = new ArrayList<>();
            for (Document commit : CommitDocument.distinct(
                    events.find(Filters.in(CommitDocument.STREAM_KEYS, keys)).into(new ArrayList<>()))) {
                placedEvents(commit).stream().filter(p -> aggregateId.equals(p.aggregateId())).forEach(window::add);
            }
            if (window.isEmpty()) {
                break;
            }
            placed.addAll(window);
            from = window.stream().mapToLong(Placed::sequence).max().orElseThrow() + 1;
        }
        placed.sort(Comparator.comparingLong(Placed::sequence));
        return placed;
    }

    /** Every chain in the store, then every sealed checkpoint. Reads the whole store by keyed windows. */
    public ChainReport verifyStore() {
        long head = counter.lastReserved();
        Map<String, ChainState> chains = new HashMap<>();
        Map<Long, Document> commitsByPosition = new HashMap<>();
        List<BrokenLink> links = new ArrayList<>();
        long checked = 0;
        for (long start = 1; start <= head; start += WINDOW) {
            List<Long> ids = LongStream.range(start, Math.min(start + WINDOW, head + 1)).boxed().toList();
            List<Document> commits = CommitDocument.distinct(
                    events.find(Filters.in(CommitDocument.ID, ids)).into(new ArrayList<>()));
            commits.sort(Comparator.comparingLong(CommitDocument::firstPositionOf));
            for (Document commit : commits) {
                commitsByPosition.put(CommitDocument.firstPositionOf(commit), commit);
                for (Placed p : placedEvents(commit)) {
                    chains.computeIfAbsent(p.aggregateId(), a -> new ChainState()).check(p, links);
                    checked++;
                }
            }
        }
        links.addAll(checkpoints.compare(commitsByPosition));
        return ChainReport.of(checked, links);
    }

    static List<Placed> placedEvents(Document commit) {
        long first = CommitDocument.firstPositionOf(commit);
        List<Document> entries = CommitDocument.eventsOf(commit);
        List<Placed> placed = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Document e = entries.get(i);
            placed.add(new Placed(EventEntryCodec.aggregateIdentifierOf(e), EventEntryCodec.sequenceNumberOf(e),
                                  first + i, e));
        }
        return placed;
    }

    record Placed(String aggregateId, long sequence, long position, Document entry) {
    }

    /** Walks one aggregate's events in sequence order, remembering the last stored hash. */
    private static final class ChainState {

        private long lastSequence = -1;
        private String lastHash = EventHashChain.GENESIS;

        void check(Placed p, List<BrokenLink> links) {
            String stored = p.entry().getString(EventHashChain.HASH);
            String storedPrevious = p.entry().getString(EventHashChain.PREVIOUS_HASH);
            if (p.sequence() != lastSequence + 1) {
                links.add(new BrokenLink(p.aggregateId(), lastSequence + 1, -1, "EVENT_MISSING",
                        "events " + (lastSequence + 1) + " to " + (p.sequence() - 1) + " of " + p.aggregateId()
                        + " are missing"));
            } else if (!lastHash.equals(storedPrevious)) {
                links.add(new BrokenLink(p.aggregateId(), p.sequence(), p.position(), "CHAIN_BROKEN",
                        "event " + p.sequence() + " of " + p.aggregateId() + " does not follow its predecessor"));
            }
            if (stored == null || storedPrevious == null
                || !stored.equals(EventHashChain.hash(storedPrevious, p.entry()))) {
                links.add(new BrokenLink(p.aggregateId(), p.sequence(), p.position(), "EVENT_ALTERED",
                        "event " + p.sequence() + " of " + p.aggregateId() + " at position " + p.position()
                        + " no longer matches its hash"));
            }
            lastSequence = p.sequence();
            lastHash = stored == null ? "" : stored;
        }
    }
}
