package cn.linkage.connectors.webhook;

import cn.linkage.proto.v1.DeadLetter;
import java.util.List;
import java.util.Optional;

/** Where a webhook keeps the deliveries its receiver did not take, keyed by event id. */
public interface DeadLetterStore {

    /** Adds or replaces the dead letter of {@code letter.getDelivery().getEventId()}. */
    void put(DeadLetter letter);

    Optional<DeadLetter> get(String eventId);

    /** All dead letters, oldest first. */
    List<DeadLetter> list();

    void remove(String eventId);
}
