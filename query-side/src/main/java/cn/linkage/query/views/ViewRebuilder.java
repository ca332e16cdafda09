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
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Rebuilds a supervision view from the event store while its current collections keep serving:
 * <ol>
 * <li>scans every stored event ({@link EventScan}) into version n+1, then follows a tracking stream from
 * where the scan says until nothing more is available;</li>
 * <li>switches {@code view_versions} to n+1: the live processor writes to n until then, to n+1 after;</li>
 * <li>keeps reading the same stream, so events stored around the switch reach n+1 too (applying an
 * event twice changes nothing), then drops version n.</li>
 * </ol>
 * Until the switch nothing else writes to n+1, so the replay goes through a {@link BatchViewWriter}
 * (documents held in memory, written in bulk); after it, through the live processor's writer.
 */
public final class ViewRebuilder {

    static final int PROGRESS_EVERY = 5_000;
    /** Documents a rebuild holds in memory before it writes them: bounds its heap to some tens of MB. */
    static final int MAX_CACHED_DOCUMENTS = 50_000;

    private final EventStore eventStore;
    private final EventScan scan;
    private final ViewVersions versions;
    private final Map<String, SupervisionView> views = new LinkedHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public ViewRebuilder(EventStore eventStore, EventScan scan, ViewVersions versions, List<SupervisionView> views) {
        this.eventStore = eventStore;
        this.scan = scan;
        this.versions = versions;
        views.forEach(v -> this.views.put(v.viewName(), v));
    }

    /** The names of the views this rebuilder knows. */
    public List<String> viewNames() {
        return List.copyOf(views.keySet());
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
            Replay replay = new Replay(view, fresh, progress);
            BatchViewWriter batch = new BatchViewWriter(versions, viewName, fresh, MAX_CACHED_DOCUMENTS);
            replay.writer = batch;
            TrackingToken resume = scan.scan(replay::accept);
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(resume)) {
                replay.drain(stream);
                batch.flush();
                versions.switchTo(viewName, fresh);
                replay.writer = new LiveViewWriter(versions, viewName, fresh);
                replay.drain(stream);
            }
            view.parts().forEach(part -> versions.drop(viewName, part, old));
            Progress done = new Progress(viewName, fresh, replay.count, true);
            progress.accept(done);
            return done;
        } finally {
            running.remove(viewName);
        }
    }

    /** One rebuild's position: what it writes through and how many events it has applied. */
    private final class Replay {

        private final SupervisionView view;
        private final int version;
        private final Consumer<Progress> progress;
        private ViewWriter writer;
        private long count;

        Replay(SupervisionView view, int version, Consumer<Progress> progress) {
            this.view = view;
            this.version = version;
            this.progress = progress;
        }

        void drain(BlockingStream<TrackedEventMessage<?>> stream) {
            try {
                while (stream.hasNextAvailable()) {
                    accept(stream.nextAvailable());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("rebuild interrupted", e);
            }
        }

        void accept(EventMessage<?> message) {
            if (message instanceof DomainEventMessage<?> domain && view.handles(domain.getPayloadType())
                    && domain.getPayload() instanceof TicketEvent event) {
                view.apply(event, domain.getSequenceNumber(), writer);
            }
            count++;
            if (count % PROGRESS_EVERY == 0) {
                versions.progress(view.viewName(), version, count);
                progress.accept(new Progress(view.viewName(), version, count, false));
            }
        }
    }

    /** How far a rebuild got. */
    public record Progress(String view, int version, long eventsReplayed, boolean switched) {
    }
}
