package cn.linkage.query.views;

import cn.linkage.api.event.TicketEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Rebuilds a supervision view from the event store while its current collections keep serving:
 * replays every event into version n+1, switches {@code view_versions} to n+1, replays what arrived
 * meanwhile (the same stream continues; applying an event twice changes nothing), then drops
 * version n. The live processor writes to n until the switch and to n+1 after it.
 * <p>Until the switch nothing else writes to n+1, so the replay goes through a {@link BatchViewWriter}
 * (documents held in memory, written in bulk); after it, through the live processor's writer.
 */
public final class ViewRebuilder {

    static final int PROGRESS_EVERY = 5_000;
    /** Documents a rebuild holds in memory before it writes them: bounds its heap to some tens of MB. */
    static final int MAX_CACHED_DOCUMENTS = 50_000;

    private final EventStore eventStore;
    private final ViewVersions versions;
    private final Map<String, SupervisionView> views = new LinkedHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public ViewRebuilder(EventStore eventStore, ViewVersions versions, List<SupervisionView> views) {
        this.eventStore = eventStore;
        this.versions = versions;
        views.forEach(v -> this.views.put(v.viewName(), v));
    }

    /**
     * Rebuilds {@code viewName}, reporting progress as it goes; the last report has {@code switched}.
     *
     * @throws IllegalStateException if the view is being rebuilt already
     */
    public Progress rebuild(String viewName, Consumer<Progress> progress) {
        SupervisionView view = views.get(viewName);
        if (view == null) {
            throw new IllegalArgumentException("no view " + viewName);
        }
        if (!running.add(viewName)) {
            throw new IllegalStateException("view " + viewName + " is being rebuilt already");
        }
        try {
            int old = versions.fresh(viewName);
            int fresh = old + 1;
            view.parts().forEach(part -> versions.drop(viewName, part, fresh));
            long replayed;
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                BatchViewWriter batch = new BatchViewWriter(versions, viewName, fresh, MAX_CACHED_DOCUMENTS);
                replayed = drain(stream, view, batch, fresh, 0, progress);
                batch.flush();
                versions.switchTo(viewName, fresh);
                replayed = drain(stream, view, new LiveViewWriter(versions, viewName, fresh), fresh, replayed, progress);
            }
            view.parts().forEach(part -> versions.drop(viewName, part, old));
            Progress done = new Progress(viewName, fresh, replayed, true);
            progress.accept(done);
            return done;
        } finally {
            running.remove(viewName);
        }
    }

    private long drain(BlockingStream<TrackedEventMessage<?>> stream, SupervisionView view, ViewWriter writer,
                       int version, long replayed, Consumer<Progress> progress) {
        String viewName = view.viewName();
        long count = replayed;
        while (stream.hasNextAvailable()) {
            TrackedEventMessage<?> message;
            try {
                message = stream.nextAvailable();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("rebuild interrupted", e);
            }
            if (message instanceof DomainEventMessage<?> domain && message.getPayload() instanceof TicketEvent event) {
                view.apply(event, domain.getSequenceNumber(), writer);
            }
            count++;
            if (count % PROGRESS_EVERY == 0) {
                versions.progress(viewName, version, count);
                progress.accept(new Progress(viewName, version, count, false));
            }
        }
        return count;
    }

    /** How far a rebuild got. */
    public record Progress(String view, int version, long eventsReplayed, boolean switched) {
    }
}
