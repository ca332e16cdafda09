package cn.linkage.embedded;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies write commands one at a time and makes them durable the way their write concern asks.
 *
 * <p>Writes are serialised because mongo-java-server checks unique keys and applies a command's
 * changes to several maps without locks of its own, and because an H2 commit taken while a command is
 * half applied would store half of it: with writes serialised, a commit is always taken between
 * commands. Every commit is a snapshot of every map, so what is on disk after a crash is always a
 * prefix of the writes in the order they were applied, as a replica set's oplog is.
 *
 * <p>Group commit: the first writer that must wait commits everything applied so far and syncs once;
 * writers that finished applying meanwhile wait for that sync or, if they came later, for the next one,
 * which one of them leads.
 *
 * <p>Which writes wait: those sent with write concern {@code j:true} or {@code w:"majority"}, and
 * those sent with none (the safe default); a write sent with {@code w:1} alone is answered once
 * applied and reaches the disk with the next sync (at most {@link #FLUSH_EVERY_MILLIS} later). Which
 * reads wait: those with read concern {@code majority}, until every write they could have seen is
 * durable: reads take no lock, so without this a tracking reader could hand a platform an event whose
 * write is still waiting for its sync.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    /** Bounds what a crash takes of writes sent with {@code w:1}, and the memory H2 holds unsaved. */
    static final long FLUSH_EVERY_MILLIS = 1_000;
    /** H2 keeps old chunks; rewrite those less full than this so the file does not grow with every commit. */
    private static final int TARGET_FILL_RATE = 60;
    private static final int COMPACT_WRITE_BYTES = 4 * 1024 * 1024;

    private final MVStore store;
    private final Durability durability;
    private final ReentrantLock applyLock = new ReentrantLock();
    private final Object syncLock = new Object();
    private final LongAdder syncs = new LongAdder();
    private final LongAdder commitNanos = new LongAdder();
    private final LongAdder syncNanos = new LongAdder();
    private final LongAdder waits = new LongAdder();
    private long lastReportAt = System.nanoTime();
    private long lastReportSyncs;
    private long lastReportWaits;
    private final ScheduledExecutorService flusher;
    private volatile long started;
    private long applied;
    private volatile long synced;

    GroupCommit(MVStore store, Durability durability) {
        this.store = store;
        this.durability = durability;
        if (durability == Durability.SYNCED) {
            flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "embedded-store-flusher");
                thread.setDaemon(true);
                return thread;
            });
            flusher.scheduleWithFixedDelay(this::flush, FLUSH_EVERY_MILLIS, FLUSH_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            flusher = null;
        }
    }

    /** Runs a write command; if {@code waitForDisk}, returns its answer only once it is durable. */
    <T> T write(Supplier<T> command, boolean waitForDisk) {
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
        if (waitForDisk && durability == Durability.SYNCED) {
            awaitSynced(mine);
        }
        return answer;
    }

    /**
     * Call after a majority read has run and before its answer goes out: waits until every write that
     * had started by then, and so might be in what the read saw, is durable.
     */
    void afterMajorityRead() {
        if (durability == Durability.SYNCED) {
            awaitSynced(started);
        }
    }

    /** How many commit-and-sync rounds ran; with concurrent writers, fewer than the writes. */
    long syncCount() {
        return syncs.sum();
    }

    private void flush() {
        try {
            awaitSynced(started);
            report();
            applyLock.lock();
            try {
                // Moves live pages out of sparse chunks; the next commit writes them, then H2 reuses the space.
                store.compact(TARGET_FILL_RATE, COMPACT_WRITE_BYTES);
            } finally {
                applyLock.unlock();
            }
        } catch (RuntimeException e) {
            log.error("Embedded store: background flush failed", e);
        }
    }

    /** At debug level, every ten seconds: how many syncs, what they cost, how many answers waited for them. */
    private void report() {
        long now = System.nanoTime();
        if (!log.isDebugEnabled() || now - lastReportAt < 10_000_000_000L) {
            return;
        }
        long syncCount = syncs.sum() - lastReportSyncs;
        long waitCount = waits.sum() - lastReportWaits;
        log.debug("Embedded store: {} syncs/s, {} answers waited/s, commit {} µs and fsync {} µs on average",
                syncCount * 1_000_000_000L / (now - lastReportAt), waitCount * 1_000_000_000L / (now - lastReportAt),
                syncCount == 0 ? 0 : commitNanos.sumThenReset() / syncCount / 1000,
                syncCount == 0 ? 0 : syncNanos.sumThenReset() / syncCount / 1000);
        lastReportAt = now;
        lastReportSyncs += syncCount;
        lastReportWaits += waitCount;
    }

    private void awaitSynced(long write) {
        if (synced >= write) {
            return;
        }
        waits.increment();
        synchronized (syncLock) {
            if (synced >= write) {
                return;
            }
            long covered;
            long begin = System.nanoTime();
            applyLock.lock();
            try {
                covered = applied;
                store.commit();
            } finally {
                applyLock.unlock();
            }
            long committed = System.nanoTime();
            // Synced even when commit() found nothing unsaved: a commit made outside this class (a map
            // converted at open) writes the file without syncing it.
            store.sync();
            commitNanos.add(committed - begin);
            syncNanos.add(System.nanoTime() - committed);
            syncs.increment();
            synced = covered;
        }
    }

    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
    }
}
