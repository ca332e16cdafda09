package cn.linkage.connectors.sdk;

import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;

/** Retries a call under a {@link RetryPolicy}; the caller keeps the request id the same across attempts. */
final class Retrying {

    private Retrying() {
    }

    /** @param beforeRetry runs before each retry, e.g. to make the channel reconnect at once */
    static <T> T call(RetryPolicy policy, Supplier<T> call, Runnable beforeRetry) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (StatusRuntimeException e) {
                if (!RetryPolicy.RETRYABLE.contains(e.getStatus().getCode()) || attempt >= policy.maxAttempts()) {
                    throw e;
                }
                sleep(policy.backoff(attempt).toMillis());
                beforeRetry.run();
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
