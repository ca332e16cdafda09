package cn.linkage.hub.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition the hub reaches asynchronously (read models follow the store), for up to 20 s. */
public final class Eventually {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private Eventually() {
    }

    /** Returns once {@code condition} holds; a condition that throws counts as not yet. */
    public static void await(BooleanSupplier condition) {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < until) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException | AssertionError notYet) {
                // keep polling
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
        throw new AssertionError("the condition did not hold within " + PATIENCE.toSeconds() + " s");
    }
}
