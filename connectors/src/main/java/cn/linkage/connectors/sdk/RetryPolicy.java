package cn.linkage.connectors.sdk;

import io.grpc.Status;
import java.time.Duration;
import java.util.Set;

/**
 * When and how often the client retries a call. Only failures after which a retry with the same
 * request id is safe and useful are retried: the hub was unreachable, too slow, or another node
 * changed the ticket at the same moment (ABORTED).
 *
 * @param maxAttempts  attempts in all, the first included
 * @param firstBackoff wait before the first retry; doubles each time up to {@code maxBackoff}
 * @param maxBackoff   longest wait between attempts
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

    static final Set<Status.Code> RETRYABLE = Set.of(Status.Code.UNAVAILABLE, Status.Code.ABORTED,
            Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED);

    public static RetryPolicy standard() {
        return new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(3));
    }

    Duration backoff(int attempt) {
        long millis = firstBackoff.toMillis() << Math.min(attempt - 1, 16);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
