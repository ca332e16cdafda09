package cn.linkage.connectors.webhook;

import java.net.URI;
import java.time.Duration;

/**
 * One webhook.
 *
 * @param platform       the platform code whose deliveries are POSTed, e.g. "12315"
 * @param url            where to POST them
 * @param secret         the shared HMAC-SHA256 key (UTF-8)
 * @param maxAttempts    POSTs per delivery before it becomes a dead letter, the first included
 * @param firstBackoff   wait before the first retry; doubles each time up to {@code maxBackoff}
 * @param maxBackoff     longest wait between attempts
 * @param requestTimeout how long one POST may take
 */
public record WebhookSettings(String platform, URI url, String secret, int maxAttempts, Duration firstBackoff,
                              Duration maxBackoff, Duration requestTimeout) {

    public WebhookSettings {
        if (platform == null || platform.isBlank() || url == null || secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook needs a platform, a URL and a secret");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait before attempt {@code attempt + 1} (attempt counted from 1). */
    Duration backoff(int attempt) {
        long millis = firstBackoff.toMillis() << Math.min(attempt - 1, 16);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
