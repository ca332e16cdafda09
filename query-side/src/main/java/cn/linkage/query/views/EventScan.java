package cn.linkage.query.views;

import java.util.function.Consumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Reads every stored domain event once for a rebuild, each aggregate's events in sequence order, and
 * says where a tracking stream must continue so that nothing stored meanwhile is missed (events may
 * come twice; the views are idempotent). The hub uses the event store's sorted scan
 * ({@code MongoEventStorageEngine.scanAll}); {@link #byTrackingStream} works on any event store.
 */
@FunctionalInterface
public interface EventScan {

    /** Feeds every stored domain event to {@code consumer}; returns the token to continue from. */
    TrackingToken scan(Consumer<DomainEventMessage<?>> consumer);

    /** A scan through a tracking stream from the start: slower, but for any event store. */
    static EventScan byTrackingStream(EventStore eventStore) {
        return consumer -> {
            TrackingToken last = null;
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                while (stream.hasNextAvailable()) {
                    TrackedEventMessage<?> message = stream.nextAvailable();
                    if (message instanceof DomainEventMessage<?> domain) {
                        consumer.accept(domain);
                    }
                    last = message.trackingToken();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("scan interrupted", e);
            }
            return last;
        };
    }
}
