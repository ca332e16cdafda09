package cn.linkage.command.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The one place that decides how a single event is laid out inside a commit document (and how a snapshot is
 * laid out), so that per-event additions such as a hash chain change only this class.
 */
final class EventEntryCodec {

    static final String EVENT_IDENTIFIER = "eventIdentifier";
    static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String TYPE = "type";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";

    /**
     * Events without an aggregate are stored as Axon's JDBC engine stores them: as the only event (sequence 0) of a
     * stream named after the event identifier, with no aggregate type, so readers hand them out as plain events.
     */
    Document encode(EventMessage<?> event, Serializer serializer) {
        DomainEventMessage<?> domainEvent = EventUtils.asDomainEventMessage(event);
        SerializedObject<byte[]> payload = domainEvent.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = domainEvent.serializeMetaData(serializer, byte[].class);
        return new Document(EVENT_IDENTIFIER, domainEvent.getIdentifier())
                .append(AGGREGATE_IDENTIFIER, domainEvent.getAggregateIdentifier())
                .append(SEQUENCE_NUMBER, domainEvent.getSequenceNumber())
                .append(TYPE, domainEvent.getType())
                // Axon's ISO format keeps 3 to 9 fraction digits, so the Instant round-trips exactly.
                .append(TIMESTAMP, DateTimeUtils.formatInstant(domainEvent.getTimestamp()))
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, new Binary(payload.getData()))
                .append(META_DATA, new Binary(metaData.getData()));
    }

    DomainEventData<byte[]> decode(Document entry) {
        return new GenericDomainEventEntry<>(entry.getString(TYPE),
                                             entry.getString(AGGREGATE_IDENTIFIER),
                                             sequenceNumberOf(entry),
                                             entry.getString(EVENT_IDENTIFIER),
                                             entry.getString(TIMESTAMP),
                                             entry.getString(PAYLOAD_TYPE),
                                             entry.getString(PAYLOAD_REVISION),
                                             entry.get(PAYLOAD, Binary.class).getData(),
                                             entry.get(META_DATA, Binary.class).getData());
    }

    /** Tracked form of a stored event: plain events stay plain, domain events keep their aggregate. */
    TrackedEventData<byte[]> decodeTracked(Document entry, TrackingToken token) {
        DomainEventData<byte[]> event = decode(entry);
        return isPlainEvent(entry) ? new TrackedPlainEventData<>(token, event) : new TrackedDomainEventData<>(token, event);
    }

    static boolean isPlainEvent(Document entry) {
        return entry.getString(TYPE) == null
               && sequenceNumberOf(entry) == 0
               && entry.getString(EVENT_IDENTIFIER).equals(entry.getString(AGGREGATE_IDENTIFIER));
    }

    static long sequenceNumberOf(Document entry) {
        return ((Number) entry.get(SEQUENCE_NUMBER)).longValue();
    }

    static String aggregateIdentifierOf(Document entry) {
        return entry.getString(AGGREGATE_IDENTIFIER);
    }

    static java.time.Instant timestampOf(Document entry) {
        return DateTimeUtils.parseInstant(entry.getString(TIMESTAMP));
    }
}
