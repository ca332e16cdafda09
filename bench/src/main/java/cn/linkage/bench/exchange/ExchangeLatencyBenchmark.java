package cn.linkage.bench.exchange;

import cn.linkage.connectors.sdk.ClientCredentials;
import cn.linkage.connectors.sdk.LinkageClient;
import cn.linkage.connectors.sdk.Subscription;
import cn.linkage.proto.v1.*;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Latency from a transfer call to its delivery on the target's stream, at a steady load, next to a
 * plain unary round trip (the health check) measured in the same run against the same hub process.
 * The hub runs as its own process from the built jar, on the embedded store.
 * <p>
 * Usage: {@code ExchangeLatencyBenchmark <hub jar> <results file> [transfers per second] [seconds]}.
 */
public final class ExchangeLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path results = Path.of(args[1]);
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int port = freePort();
        Path data = Files.createTempDirectory("exchange-bench");
        Process hub = new ProcessBuilder("java", "-Daxoniq.update-checker.disabled=true", "-jar", jar.toString(),
                "--linkage.grpc.port=" + port, "--linkage.embedded.data-dir=" + data, "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(data.resolve("hub.log").toFile()).start();
        try {
            // The hub makes its development PKI under the data directory on start; the desks use its files.
            Path pki = data.resolve("pki");
            waitUntilServing(port, pki);
            run(port, pki, rate, seconds, results);
        } finally {
            hub.destroy();
            hub.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static void run(int port, Path pki, int rate, int seconds, Path results) throws Exception {
        Actor as12345 = Actor.newBuilder().setPlatform("12345").setOperatorId("bench").build();
        Actor as110 = Actor.newBuilder().setPlatform("110").setOperatorId("bench").build();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> deliveryNanos = Collections.synchronizedList(new ArrayList<>());
        List<Long> unaryNanos = new ArrayList<>();
        try (LinkageClient desk12345 = LinkageClient.overMutualTls("127.0.0.1", port,
                ClientCredentials.inDirectory(pki, "12345"), as12345);
             LinkageClient desk110 = LinkageClient.overMutualTls("127.0.0.1", port,
                     ClientCredentials.inDirectory(pki, "110"), as110)) {
            Subscription stream = desk110.subscribe(delivery -> {
                Long start = sentAt.remove(delivery.getName());
                if (start != null && "TicketTransferred".equals(delivery.getEventType())) {
                    deliveryNanos.add(System.nanoTime() - start);
                }
            });
            var channel = NettyChannelBuilder.forAddress("127.0.0.1", port)
                    .sslContext(ClientCredentials.inDirectory(pki, "12345").sslContext()).build();
            HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
            long intervalNanos = 1_000_000_000L / rate;
            int total = rate * seconds;
            int warmUp = Math.min(rate * 5, total / 5);
            long next = System.nanoTime();
            for (int i = 0; i < total; i++) {
                Ticket ticket = desk12345.receive(receive("BENCH-" + i));
                long start = System.nanoTime();
                if (i >= warmUp) {
                    sentAt.put(ticket.getName(), start);
                }
                desk12345.transfer(TransferTicketRequest.newBuilder().setName(ticket.getName()).addTargets("110")
                        .setLinkageMode(LinkageMode.LINKAGE_MODE_ONE_KEY_TRANSFER).setReason("bench"));
                long unaryStart = System.nanoTime();
                health.check(HealthCheckRequest.getDefaultInstance());
                if (i >= warmUp) {
                    unaryNanos.add(System.nanoTime() - unaryStart);
                }
                next += intervalNanos;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
            Instant deadline = Instant.now().plusSeconds(30);
            while (!sentAt.isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            stream.close();
            channel.shutdownNow();
            write(results, rate, seconds, deliveryNanos, unaryNanos, sentAt.size());
        }
    }

    private static ReceiveTicketRequest.Builder receive(String number) {
        return ReceiveTicketRequest.newBuilder().setKind(TicketKind.TICKET_KIND_WORK_ORDER)
                .setChannel(Channel.CHANNEL_PHONE).setOriginTicketNumber(number + "-" + System.nanoTime())
                .setLocation(Location.newBuilder().setAddress("平凉市崆峒区").setDivisionCode("620802"))
                .setRequestType("行政(治安)类").setRequestItem("侵犯人身权利").setDescription("基准测试")
                .setUrgency(Urgency.URGENCY_URGENT);
    }

    private static void write(Path results, int rate, int seconds, List<Long> delivery, List<Long> unary,
                              int undelivered) throws IOException {
        List<Long> d = new ArrayList<>(delivery);
        List<Long> u = new ArrayList<>(unary);
        Collections.sort(d);
        Collections.sort(u);
        double p99Ratio = ms(pct(d, 99)) / ms(pct(u, 99));
        String table = String.format(Locale.ROOT, """
                # Exchange latency: transfer call → delivery on the target's stream

                Run: %s, %d transfers/s for %d s (first 5 s warm-up excluded), hub as a separate process on the
                embedded store (mongo-java-server, H2), client and hub on one 2-core machine, Java %s.
                Command: `./scripts/bench.sh` (ExchangeLatencyBenchmark).

                | measure | samples | p50 ms | p99 ms | max ms |
                |---|---|---|---|---|
                | transfer → delivery on the 110 stream | %d | %.2f | %.2f | %.2f |
                | plain unary round trip (grpc.health.v1 Check) | %d | %.2f | %.2f | %.2f |

                Undelivered after 30 s: %d. Delivery p99 / unary p99 = %.1f× (target: within 10×): %s.
                The delivery time includes the transfer command itself (validation, aggregate load, append),
                the stream pump's read of the store, addressing, and the client's receipt.
                """, Instant.now(), rate, seconds, System.getProperty("java.version"),
                d.size(), ms(pct(d, 50)), ms(pct(d, 99)), ms(d.isEmpty() ? 0 : d.get(d.size() - 1)),
                u.size(), ms(pct(u, 50)), ms(pct(u, 99)), ms(u.isEmpty() ? 0 : u.get(u.size() - 1)),
                undelivered, p99Ratio, p99Ratio <= 10 ? "met" : "NOT met");
        Files.createDirectories(results.getParent());
        Files.writeString(results, table);
        System.out.println(table);
    }

    private static long pct(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static void waitUntilServing(int port, Path pki) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!Files.exists(pki.resolve("server.pem")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        var channel = NettyChannelBuilder.forAddress("127.0.0.1", port)
                .sslContext(ClientCredentials.trustOnly(pki.resolve("ca.pem")).sslContext()).build();
        try {
            while (Instant.now().isBefore(deadline)) {
                try {
                    HealthGrpc.newBlockingStub(channel).withDeadlineAfter(1, TimeUnit.SECONDS)
                            .check(HealthCheckRequest.getDefaultInstance());
                    return;
                } catch (RuntimeException e) {
                    Thread.sleep(250);
                    channel.resetConnectBackoff();
                }
            }
            throw new IllegalStateException("the hub did not start within 90 s");
        } finally {
            channel.shutdownNow();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private ExchangeLatencyBenchmark() {
    }
}
