package cn.linkage.embedded;

import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * Applies write commands one at a time and answers each only once H2 has committed and synced it.
 *
 * <p>Writes are serialised because mongo-java-server checks unique keys and applies a command's
 * changes to several maps without locks of its own, and because an H2 commit taken while a command is
 * half applied would store half of it: with writes serialised, a commit is always taken between
 * commands, so after a crash a command is on disk entirely or not at all.
 *
 * <p>Group commit: the first writer to need a sync commits everything applied so far and syncs once;
 * writers that finished applying meanwhile wait for that sync or, if they came later, for the next one,
 * which one of them leads. A commit is a snapshot of every map, so whatever a reader saw before it
 * wrote (a global position, an event a token points past) is on disk no later than that write.
 *
 * <p>Reads are answered only once every write they could have seen is durable ({@link #afterRead}):
 * reads take no lock, so without this a tracking reader could hand a platform an event whose write
 * is still waiting for its sync, and a crash then would take back what the platform was shown.
 * This is what read concern {@code majority} gives on a replica set.
 */
final class GroupCommit {

    private final MVStore store;
    private final Durability durability;
    private final ReentrantLock applyLock = new ReentrantLock();
    private final Object syncLock = new Object();
    private final LongAdder syncs = new LongAdder();
    private volatile long started;
    private long applied;
    private volatile long synced;

    GroupCommit(MVStore store, Durability durability) {
        this.store = store;
        this.durability = durability;
    }

    /** Runs a write command; returns its answer once the command's changes are durable. */
    <T> T write(Supplier<T> command) {
        long mine;
        T answer;
        applyLock.lock();
        try {
            started++;
            answer = command.get();
        } finally {
            // A command that failed half-way (an insertMany stopped by a duplicate key) may have changed
            // something that readers can see already: make that durable before the error goes out too.
            mine = ++applied;
            applyLock.unlock();
        }
        if (durability == Durability.SYNCED) {
            awaitSynced(mine);
        }
        return answer;
    }

    /**
     * Call after a read has run and before its answer goes out: waits until every write that had
     * started by then, and so might be in what the read saw, is durable.
     */
    void afterRead() {
        if (durability == Durability.SYNCED) {
            awaitSynced(started);
        }
    }

    /** How many commit-and-sync rounds ran; with concurrent writers, fewer than the writes. */
    long syncCount() {
        return syncs.sum();
    }

    private void awaitSynced(long write) {
        if (synced >= write) {
            return;
        }
        synchronized (syncLock) {
            if (synced >= write) {
                return;
            }
            long covered;
            applyLock.lock();
            try {
                covered = applied;
                store.commit();
            } finally {
                applyLock.unlock();
            }
            // Synced even when commit() found nothing unsaved: a commit made outside this class (a map
            // converted at open) writes the file without syncing it.
            store.sync();
            syncs.increment();
            synced = covered;
        }
    }
}
