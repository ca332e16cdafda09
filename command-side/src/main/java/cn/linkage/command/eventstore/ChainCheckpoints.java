package cn.linkage.command.eventstore;

import cn.linkage.command.eventstore.ChainReport.BrokenLink;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.LongStream;
import org.bson.Document;

/**
 * The global half of tamper evidence. Per-ticket chains cannot notice a ticket removed whole, so the
 * store is sealed range by range of global positions: a checkpoint lists every commit in its range (its
 * position, tickets and event hashes) and a digest chained to the previous checkpoint's. A removed or
 * altered commit then disagrees with a sealed checkpoint. Export the digests (the runbook says how) and
 * even a rewrite of the checkpoints themselves is noticed.
 * <p>
 * A range is sealed only once no write into it can still arrive: when a commit stored beyond the range is
 * older than the gap timeout (writers abandon reservations older than half of it). Sealing is idempotent
 * across nodes: checkpoint ids are unique, the first node to insert one wins.
 */
public final class ChainCheckpoints {

    static final String COLLECTION = "event_checkpoints";
    private static final String LATEST = "latest";
    private static final int LOOKAHEAD = 100;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> checkpoints;
    private final int rangeSize;
    private final Duration gapTimeout;
    private final Clock clock;

    public ChainCheckpoints(MongoDatabase database, MongoEventStoreSettings settings, int rangeSize) {
        this.events = database.getCollection(settings.eventsCollection());
        this.checkpoints = database.getCollection(COLLECTION);
        this.rangeSize = rangeSize;
        this.gapTimeout = settings.gapTimeout();
        this.clock = settings.clock();
    }

    /** Seals every range that is ready, in order; returns how many were sealed. */
    public int sealReady() {
        int sealed = 0;
        while (true) {
            Document latest = checkpoints.find(Filters.eq("_id", LATEST)).first();
            long number = latest == null ? 1 : latest.getLong("number") + 1;
            String previousDigest = latest == null ? "" : latest.getString("digest");
            long end = number * rangeSize;
            if (!settled(end)) {
                return sealed;
            }
            List<Document> entries = entries(commitsIn(number));
            String digest = digest(previousDigest, entries);
            try {
                checkpoints.insertOne(new Document("_id", number).append("from", end - rangeSize + 1).append("to", end)
                        .append("previousDigest", previousDigest).append("digest", digest).append("commits", entries)
                        .append("sealedAt", clock.millis()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // Another node sealed it first; catch up with its digest.
                digest = checkpoints.find(Filters.eq("_id", number)).first().getString("digest");
            }
            checkpoints.updateOne(Filters.eq("_id", LATEST),
                    Updates.combine(Updates.max("number", number), Updates.set("digest", digest)),
                    new UpdateOptions().upsert(true));
            sealed++;
        }
    }

    /** Compares the sealed checkpoints with the commits the store holds now. */
    List<BrokenLink> compare(Map<Long, Document> commitsByPosition) {
        List<BrokenLink> links = new ArrayList<>();
        String previousDigest = "";
        for (long number = 1; ; number++) {
            Document checkpoint = checkpoints.find(Filters.eq("_id", number)).first();
            if (checkpoint == null) {
                return links;
            }
            List<Document> sealed = checkpoint.getList("commits", Document.class);
            if (!checkpoint.getString("previousDigest").equals(previousDigest)
                || !checkpoint.getString("digest").equals(digest(previousDigest, sealed))) {
                links.add(new BrokenLink(null, -1, checkpoint.getLong("from"), "CHECKPOINT_MISMATCH",
                        "checkpoint " + number + " itself was rewritten"));
            }
            for (Document entry : sealed) {
                long position = entry.getLong("position");
                Document now = commitsByPosition.get(position);
                String tickets = String.join(", ", entry.getList("aggregates", String.class));
                if (now == null) {
                    links.add(new BrokenLink(entry.getList("aggregates", String.class).get(0), -1, position,
                            "EVENT_MISSING", "the commit at position " + position + " of ticket(s) " + tickets
                            + " was removed after checkpoint " + number + " sealed it"));
                } else if (!entry.getList("hashes", String.class).equals(hashesOf(now))) {
                    links.add(new BrokenLink(entry.getList("aggregates", String.class).get(0), -1, position,
                            "CHECKPOINT_MISMATCH", "the commit at position " + position + " of ticket(s) " + tickets
                            + " differs from what checkpoint " + number + " sealed"));
                }
            }
            previousDigest = checkpoint.getString("digest");
        }
    }

    private boolean settled(long rangeEnd) {
        List<Long> beyond = LongStream.rangeClosed(rangeEnd + 1, rangeEnd + LOOKAHEAD).boxed().toList();
        long oldEnough = clock.millis() - gapTimeout.toMillis();
        return events.find(Filters.in(CommitDocument.POSITIONS, beyond)).into(new ArrayList<>()).stream()
                .anyMatch(commit -> CommitDocument.storedAtOf(commit) < oldEnough);
    }

    private List<Document> commitsIn(long number) {
        List<Long> positions = LongStream.rangeClosed((number - 1) * rangeSize + 1, number * rangeSize).boxed().toList();
        List<Document> commits = CommitDocument.distinct(
                events.find(Filters.in(CommitDocument.ID, positions)).into(new ArrayList<>()));
        commits.sort(Comparator.comparingLong(CommitDocument::firstPositionOf));
        return commits;
    }

    private static List<Document> entries(List<Document> commits) {
        List<Document> entries = new ArrayList<>(commits.size());
        for (Document commit : commits) {
            LinkedHashSet<String> aggregates = new LinkedHashSet<>();
            CommitDocument.eventsOf(commit).forEach(e -> aggregates.add(EventEntryCodec.aggregateIdentifierOf(e)));
            entries.add(new Document("position", CommitDocument.firstPositionOf(commit))
                    .append("aggregates", new ArrayList<>(aggregates)).append("hashes", hashesOf(commit)));
        }
        return entries;
    }

    private static List<String> hashesOf(Document commit) {
        return CommitDocument.eventsOf(commit).stream()
                .map(e -> Objects.requireNonNullElse(e.getString(EventHashChain.HASH), "")).toList();
    }

    private static String digest(String previousDigest, List<Document> entries) {
        StringBuilder content = new StringBuilder(previousDigest);
        for (Document entry : entries) {
            content.append('\n').append(entry.getLong("position")).append(':')
                    .append(String.join(",", entry.getList("hashes", String.class)));
        }
        return EventHashChain.sha256(content.toString());
    }
}
