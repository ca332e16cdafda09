package cn.linkage.command.eventstore;

import org.axonframework.eventhandling.EventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;

import java.time.Instant;

/**
 * A tracked event that was appended without an aggregate. Deliberately not a {@code DomainEventData}, so Axon
 * hands it to streaming processors as the plain event it was published as.
 */
final class TrackedPlainEventData<T> implements TrackedEventData<T> {

    private final TrackingToken token;
    private final EventData<T> event;

    TrackedPlainEventData(TrackingToken token, EventData<T> event) {
        this.token = token;
        this.event = event;
    }

    @Override
    public TrackingToken trackingToken() {
        return token;
    }

    @Override
    public String getEventIdentifier() {
        return event.getEventIdentifier();
    }

    @Override
    public Instant getTimestamp() {
        return event.getTimestamp();
    }

    @Override
    public SerializedObject<T> getMetaData() {
        return event.getMetaData();
    }

    @Override
    public SerializedObject<T> getPayload() {
        return event.getPayload();
    }
}
