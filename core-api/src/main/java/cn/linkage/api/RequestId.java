package cn.linkage.api;

import java.util.Objects;

/** The caller's idempotency key (AIP-155): a retried mutation with the same id is applied once. */
public record RequestId(String value) {

    public RequestId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("request id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
