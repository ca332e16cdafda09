package cn.linkage.command.ticket;

import cn.linkage.api.DeadlineKind;
import cn.linkage.api.PartyCode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The deadlines still running on a ticket, one per party and kind: a newer deadline of the same party
 * and kind replaces the older, and one that was met, marked missed or ended with the ticket is gone.
 * A passed deadline the hub reports counts only if it is still the one running (R7, R9).
 */
final class OpenDeadlines {

    private final Map<Key, Instant> dueAt = new HashMap<>();

    void set(PartyCode party, DeadlineKind kind, Instant due) {
        dueAt.put(new Key(party, kind), due);
    }

    void end(PartyCode party, DeadlineKind kind) {
        dueAt.remove(new Key(party, kind));
    }

    void endAll() {
        dueAt.clear();
    }

    boolean isRunning(PartyCode party, DeadlineKind kind, Instant due) {
        return due.equals(dueAt.get(new Key(party, kind)));
    }

    private record Key(PartyCode party, DeadlineKind kind) {
    }
}
