package cn.linkage.connectors.webhook;

import cn.linkage.connectors.sdk.DeliveryHandler;
import cn.linkage.connectors.sdk.LinkageClient;
import cn.linkage.connectors.sdk.Subscription;
import cn.linkage.proto.v1.DeadLetter;
import cn.linkage.proto.v1.Delivery;
import cn.linkage.proto.v1.WebhookStatus;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs every delivery addressed to one platform to that platform's URL, in order, as the delivery's
 * protobuf JSON, signed ({@link WebhookSignature}) and with {@code X-Linkage-Event-Id} so the receiver
 * drops repeats (delivery is at least once). A 2xx answer takes the delivery; anything else, or no
 * answer, is retried with exponential backoff; after {@code maxAttempts} the delivery becomes a dead
 * letter and the stream goes on, so one poisoned delivery does not hold up the rest.
 */
public final class WebhookDispatcher implements DeliveryHandler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int ERROR_EXCERPT = 200;

    private final WebhookSettings settings;
    private final DeadLetterStore deadLetters;
    private final HttpClient http;
    private final Clock clock;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private volatile Instant lastSuccess;
    private volatile String lastError = "";
    private volatile Subscription subscription;

    public WebhookDispatcher(WebhookSettings settings, DeadLetterStore deadLetters, HttpClient http, Clock clock) {
        this.settings = settings;
        this.deadLetters = deadLetters;
        this.http = http;
        this.clock = clock;
    }

    /** {@code webhooks/{platform}}. */
    public String name() {
        return "webhooks/" + settings.platform();
    }

    public WebhookSettings settings() {
        return settings;
    }

    /** Streams the platform's deliveries through {@code client} (which must act as that platform). */
    public Subscription start(LinkageClient client) {
        Subscription started = client.subscribe(this);
        subscription = started;
        return started;
    }

    /** Delivers one delivery with retries; dead-letters it if the receiver never takes it. */
    @Override
    public void handle(Delivery delivery) throws InterruptedException {
        String error = "";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Optional<String> failure = post(delivery);
            if (failure.isEmpty()) {
                return;
            }
            error = failure.get();
            if (attempt < settings.maxAttempts()) {
                Thread.sleep(settings.backoff(attempt).toMillis());
            }
        }
        Instant now = clock.instant();
        deadLetters.put(DeadLetter.newBuilder().setName(name() + "/deadLetters/" + delivery.getEventId())
                .setDelivery(delivery).setAttempts(settings.maxAttempts()).setLastError(error)
                .setDeadTime(timestamp(now)).setLastAttemptTime(timestamp(now)).build());
        log.warn("Delivery {} to {} dead-lettered after {} attempts: {}", delivery.getEventId(), settings.url(),
                settings.maxAttempts(), error);
    }

    /**
     * POSTs a dead letter once more; on success removes it and answers empty, else records the new
     * attempt and answers the dead letter as it now stands.
     */
    public Optional<DeadLetter> redrive(String eventId) {
        DeadLetter letter = deadLetters.get(eventId)
                .orElseThrow(() -> new IllegalArgumentException("no dead letter " + eventId + " in " + name()));
        Optional<String> failure = post(letter.getDelivery());
        if (failure.isEmpty()) {
            deadLetters.remove(eventId);
            return Optional.empty();
        }
        DeadLetter updated = letter.toBuilder().setAttempts(letter.getAttempts() + 1).setLastError(failure.get())
                .setLastAttemptTime(timestamp(clock.instant())).build();
        deadLetters.put(updated);
        return Optional.of(updated);
    }

    public DeadLetterStore deadLetters() {
        return deadLetters;
    }

    public WebhookStatus status() {
        WebhookStatus.Builder status = WebhookStatus.newBuilder().setName(name()).setUrl(settings.url().toString())
                .setDeliveredCount(delivered.get()).setFailedAttemptCount(failedAttempts.get())
                .setDeadLetterCount(deadLetters.list().size()).setLastError(lastError)
                .setRunning(subscription != null);
        Instant success = lastSuccess;
        if (success != null) {
            status.setLastSuccessTime(timestamp(success));
        }
        return status.build();
    }

    /** One POST; empty if the receiver took it, else what went wrong. */
    private Optional<String> post(Delivery delivery) {
        byte[] body = body(delivery);
        HttpRequest request = HttpRequest.newBuilder(settings.url()).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(settings.secret(), body))
                .header(WebhookSignature.EVENT_ID_HEADER, delivery.getEventId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        String error;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                delivered.incrementAndGet();
                lastSuccess = clock.instant();
                return Optional.empty();
            }
            String text = response.body() == null ? "" : response.body();
            error = "HTTP " + response.statusCode() + " " + text.substring(0, Math.min(text.length(), ERROR_EXCERPT));
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        failedAttempts.incrementAndGet();
        lastError = error;
        return Optional.of(error);
    }

    /** The POST body: the delivery as compact protobuf JSON, UTF-8. */
    public static byte[] body(Delivery delivery) {
        try {
            return JsonFormat.printer().omittingInsignificantWhitespace().print(delivery).getBytes(StandardCharsets.UTF_8);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a Delivery always prints as JSON", e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    @Override
    public void close() {
        Subscription running = subscription;
        if (running != null) {
            running.close();
            subscription = null;
        }
    }
}
