package cn.linkage.query.audit;

import cn.linkage.api.event.TicketEvent;
import cn.linkage.query.audit.HistoryEntry.FieldChange;
import cn.linkage.query.ticket.TicketDetails;
import cn.linkage.query.ticket.TicketDetailsFold;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A ticket's history for auditors, and its state at any moment, both from its recorded events.
 * Pure: it reads nothing itself, so the same events always tell the same story.
 */
public final class TicketHistory {

    /** Fields every event has; shown in their own columns, not among the details. */
    private static final Set<String> COMMON = Set.of("ticketId", "requestId", "actor", "occurredAt");

    private TicketHistory() {
    }

    public static List<HistoryEntry> entries(List<RecordedTicketEvent> events) {
        List<HistoryEntry> entries = new ArrayList<>();
        TicketDetailsFold fold = new TicketDetailsFold();
        Map<String, String> before = Map.of();
        for (RecordedTicketEvent recorded : events) {
            TicketEvent event = recorded.payload();
            fold.apply(event);
            Map<String, String> after = TicketFields.of(fold.result().orElse(null));
            entries.add(new HistoryEntry(recorded.sequence(), recorded.eventId(), typeOf(event), event.occurredAt(),
                    event.actor(), event.requestId().value(), details(event), changes(before, after), recorded.hash()));
            before = after;
        }
        return entries;
    }

    /** The ticket as it stood at {@code moment}: every step recorded at or before it. */
    public static Optional<TicketDetails> asOf(List<RecordedTicketEvent> events, Instant moment) {
        TicketDetailsFold fold = new TicketDetailsFold();
        events.stream().map(RecordedTicketEvent::payload)
                .filter(e -> !e.occurredAt().isAfter(moment))
                .forEach(fold::apply);
        return fold.result();
    }

    public static String typeOf(TicketEvent event) {
        String name = event.getClass().getSimpleName();
        return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
    }

    /** The event's own fields; a Caller renders itself masked, so personal data stays hidden. */
    public static Map<String, String> details(TicketEvent event) {
        Map<String, String> details = new LinkedHashMap<>();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (COMMON.contains(component.getName())) {
                continue;
            }
            try {
                Object value = component.getAccessor().invoke(event);
                if (value != null) {
                    details.put(component.getName(), String.valueOf(value));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + event.getClass(), e);
            }
        }
        return details;
    }

    private static List<FieldChange> changes(Map<String, String> before, Map<String, String> after) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            String was = before.getOrDefault(field, "");
            String is = after.getOrDefault(field, "");
            if (!was.equals(is)) {
                changes.add(new FieldChange(field, was, is));
            }
        }
        return changes;
    }
}
