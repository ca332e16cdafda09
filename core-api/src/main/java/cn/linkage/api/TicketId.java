package cn.linkage.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a ticket inside the hub. It is derived from the origin platform and the origin's own
 * ticket number, so a platform that retries a hand-over, or hands the same ticket over twice, always
 * lands on the same aggregate instead of creating a duplicate.
 */
public record TicketId(String value) {

    public TicketId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("ticket id must not be blank");
        }
    }

    public static TicketId forOrigin(PartyCode originPlatform, String originTicketNumber) {
        String key = originPlatform.value() + "\u0000" + originTicketNumber;
        return new TicketId(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
