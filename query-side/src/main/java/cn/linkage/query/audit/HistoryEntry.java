package cn.linkage.query.audit;

import cn.linkage.api.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One step of a ticket's history as an auditor reads it; the caller stays masked. */
public record HistoryEntry(long sequence, String eventId, String eventType, Instant occurTime, Actor actor,
                           String requestId, Map<String, String> details, List<FieldChange> changes, String hash) {

    /** A field of the ticket before and after the step; empty strings where it had no value. */
    public record FieldChange(String field, String before, String after) {
    }
}
