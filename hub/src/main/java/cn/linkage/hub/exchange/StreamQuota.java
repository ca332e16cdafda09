package cn.linkage.hub.exchange;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many exchange streams each party holds open. Every stream costs the hub a reader thread and a
 * keyed read of the whole event stream, so one platform reconnecting in a loop without closing must not
 * starve the others.
 */
final class StreamQuota {

    private final int perParty;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    StreamQuota(int perParty) {
        this.perParty = perParty;
    }

    /** Takes one stream for {@code party}, or answers false when it already holds its quota. */
    boolean tryOpen(String party) {
        boolean[] taken = {false};
        open.compute(party, (p, count) -> {
            int now = count == null ? 0 : count;
            taken[0] = now < perParty;
            return taken[0] ? now + 1 : now;
        });
        return taken[0];
    }

    void close(String party) {
        open.computeIfPresent(party, (p, count) -> count <= 1 ? null : count - 1);
    }
}
