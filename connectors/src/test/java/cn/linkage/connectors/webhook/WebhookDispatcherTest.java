package cn.linkage.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.proto.v1.DeadLetter;
import cn.linkage.proto.v1.Delivery;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher against a real HTTP receiver on loopback that checks signatures and fails on demand. */
class WebhookDispatcherTest {

    private static final String SECRET = "s3cret-12315";
    private static final int MAX_ATTEMPTS = 3;

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();
    private final List<Long> attemptTimes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void receiver() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            attempts.incrementAndGet();
            attemptTimes.add(System.nanoTime());
            int status;
            if (!WebhookSignature.verify(SECRET, body, exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER))) {
                badSignatures.add(new String(body, StandardCharsets.UTF_8));
                status = 401;
            } else if (failuresLeft.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
                status = 503;
            } else {
                accepted.add(exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_ID_HEADER));
                status = 204;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private WebhookDispatcher dispatcher(String secret, DeadLetterStore store) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        WebhookSettings settings = new WebhookSettings("12315", url, secret, MAX_ATTEMPTS, Duration.ofMillis(50),
                Duration.ofMillis(400), Duration.ofSeconds(5));
        return new WebhookDispatcher(settings, store, HttpClient.newHttpClient(), Clock.systemUTC());
    }

    private static Delivery delivery(String eventId) {
        return Delivery.newBuilder().setEventId(eventId).setCursor("c-" + eventId).setName("tickets/T1")
                .setEventType("TicketTransferred").putDetails("reason", "消费纠纷").build();
    }

    @Test
    void retriesWithBackoffUntilTheReceiverTakesTheSignedDelivery() throws Exception {
        failuresLeft.set(MAX_ATTEMPTS - 1);
        WebhookDispatcher dispatcher = dispatcher(SECRET, new FileDeadLetterStore(dir.resolve("dead.bin")));

        dispatcher.handle(delivery("e-1"));

        assertThat(attempts.get()).isEqualTo(MAX_ATTEMPTS);
        assertThat(accepted).containsExactly("e-1");
        assertThat(badSignatures).isEmpty();
        long firstGap = attemptTimes.get(1) - attemptTimes.get(0);
        long secondGap = attemptTimes.get(2) - attemptTimes.get(1);
        assertThat(Duration.ofNanos(firstGap)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(Duration.ofNanos(secondGap)).as("backoff doubles").isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(dispatcher.deadLetters().list()).isEmpty();
        assertThat(dispatcher.status().getDeliveredCount()).isEqualTo(1);
        assertThat(dispatcher.status().getFailedAttemptCount()).isEqualTo(MAX_ATTEMPTS - 1);
    }

    @Test
    void deadLettersAfterMaxAttemptsKeepsThemAcrossARestartAndRedrivesThem() throws Exception {
        failuresLeft.set(100);
        Path file = dir.resolve("dead.bin");
        WebhookDispatcher dispatcher = dispatcher(SECRET, new FileDeadLetterStore(file));

        dispatcher.handle(delivery("e-2"));

        assertThat(attempts.get()).isEqualTo(MAX_ATTEMPTS);
        assertThat(accepted).isEmpty();
        List<DeadLetter> dead = dispatcher.deadLetters().list();
        assertThat(dead).singleElement().satisfies(letter -> {
            assertThat(letter.getName()).isEqualTo("webhooks/12315/deadLetters/e-2");
            assertThat(letter.getAttempts()).isEqualTo(MAX_ATTEMPTS);
            assertThat(letter.getLastError()).startsWith("HTTP 503");
        });

        // A restarted dispatcher finds the dead letter in its file; a re-drive while the receiver still fails keeps it.
        WebhookDispatcher restarted = dispatcher(SECRET, new FileDeadLetterStore(file));
        Optional<DeadLetter> stillDead = restarted.redrive("e-2");
        assertThat(stillDead).hasValueSatisfying(letter -> assertThat(letter.getAttempts()).isEqualTo(MAX_ATTEMPTS + 1));

        failuresLeft.set(0);
        assertThat(restarted.redrive("e-2")).isEmpty();
        assertThat(accepted).containsExactly("e-2");
        assertThat(restarted.deadLetters().list()).isEmpty();
        assertThat(new FileDeadLetterStore(file).list()).as("removed from the file too").isEmpty();
    }

    @Test
    void aWrongSecretIsRefusedByTheReceiverAndDeadLettered() throws Exception {
        WebhookDispatcher dispatcher = dispatcher("not-the-secret", new FileDeadLetterStore(dir.resolve("dead.bin")));

        dispatcher.handle(delivery("e-3"));

        assertThat(badSignatures).hasSize(MAX_ATTEMPTS);
        assertThat(accepted).isEmpty();
        assertThat(dispatcher.deadLetters().get("e-3")).isPresent();
    }

    @Test
    void signatureIsTheHexHmacOfTheBody() {
        byte[] body = "{\"eventId\":\"e\"}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignature.sign("key", body);
        assertThat(header).startsWith("sha256=").hasSize("sha256=".length() + 64);
        assertThat(WebhookSignature.verify("key", body, header)).isTrue();
        assertThat(WebhookSignature.verify("key", "{}".getBytes(StandardCharsets.UTF_8), header)).isFalse();
    }
}
