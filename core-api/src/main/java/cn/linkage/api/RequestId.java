package cn.linkage.api;

import java.util.Objects;

/**
 * The caller's idempotency key (AIP-155): a retried mutation with the same id is applied once.
 * <p>
 * The id is bound to the request it was first used for by a {@code fingerprint}: a digest of that
 * request's content and of the operation it named, made at the edge that received it (the gRPC
 * adapter hashes the request without its id, together with the rpc's name). The domain only compares
 * fingerprints: the same id with the same fingerprint is a retry; the same id with another
 * fingerprint is a reused id, refused ({@link RequestIdReusedException}). A {@code null} fingerprint
 * means "not bound" (ids made inside the hub, and steps recorded before ids were bound): such an id is
 * matched by its value alone, as it always was.
 *
 * @param value       the id the caller chose, e.g. a UUID
 * @param fingerprint digest of the request the id was sent with, or {@code null} when not bound
 */
public record RequestId(String value, String fingerprint) {

    public RequestId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("request id must not be blank");
        }
    }

    /** An id not bound to a request's content (made inside the hub). */
    public RequestId(String value) {
        this(value, null);
    }

    /**
     * Whether a request carrying {@code other} may be a retry of the request that carried this id: the same
     * value, and the same fingerprint unless either side is unbound.
     */
    public boolean sameRequestAs(RequestId other) {
        return value.equals(other.value)
                && (fingerprint == null || other.fingerprint == null || fingerprint.equals(other.fingerprint));
    }

    @Override
    public String toString() {
        return value;
    }
}
