package cn.linkage.hub.process;

import cn.linkage.hub.support.RunningHub;
import cn.linkage.hub.support.TlsChannels;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import cn.linkage.connectors.sdk.ClientCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The hub's own jar started as a separate OS process, as an operator starts it: what it acknowledges
 * can then be tested against a real crash ({@link #kill()} is SIGKILL), not against a Spring context
 * closed politely. Each start's output goes to its own file under {@code target/hub-process-logs}.
 * Clients connect over mutual TLS with the development certificates the hub makes under its data
 * directory on its first start, as a newcomer's clients would.
 */
final class HubProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Kept after the test (a temporary data directory is not), for reading what a failed run did. */
    private static final Path LOG_DIR = Path.of("target", "hub-process-logs");

    private final Path dataDir;
    private final int grpcPort;
    private final int storePort;
    private final List<String> extraArgs;
    private Process process;
    private int starts;
    private TlsChannels channels;

    HubProcess(Path dataDir, String... extraArgs) {
        this.dataDir = dataDir;
        this.grpcPort = RunningHub.freePort();
        this.storePort = RunningHub.freePort();
        this.extraArgs = List.of(extraArgs);
    }

    /** Starts the jar and returns once its gRPC health check answers SERVING. */
    Duration start() {
        long begin = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Daxoniq.update-checker.disabled=true", "-Xmx1g"));
        command.addAll(FastStart.launch(hubJar()));
        command.addAll(List.of(
                "--linkage.embedded.data-dir=" + dataDir,
                "--linkage.embedded.port=" + storePort,
                "--linkage.grpc.address=127.0.0.1", "--linkage.grpc.port=" + grpcPort,
                "--linkage.http.port=0", "--spring.main.banner-mode=off"));
        command.addAll(extraArgs);
        Path log = LOG_DIR.resolve(dataDir.getParent().getFileName() + "-start-" + (++starts) + ".log");
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(LOG_DIR);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitServing(log);
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** SIGKILL: no shutdown hook, no flush, no close. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: the hub shuts down as on a normal stop. */
    void stop() {
        process.destroy();
        awaitExit();
    }

    int grpcPort() {
        return grpcPort;
    }

    /** The embedded store's MongoDB wire port, for checks that read the store directly. */
    String storeUri() {
        return "mongodb://127.0.0.1:" + storePort;
    }

    /** One channel for every platform: each call presents the certificate of the actor its request names. */
    Channel channel() {
        return tlsChannels().byActor("SUPERVISION");
    }

    private synchronized TlsChannels tlsChannels() {
        if (channels == null) {
            channels = new TlsChannels(dataDir.resolve("pki"), "127.0.0.1", grpcPort);
        }
        return channels;
    }

    @Override
    public void close() {
        if (channels != null) {
            channels.close();
        }
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    /** Health answers without a client certificate; the CA appears once the hub has made its PKI. */
    private void awaitServing(Path log) {
        ManagedChannel channel = null;
        try {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("hub exited with " + process.exitValue() + "; see " + log);
                }
                if (channel == null && Files.exists(dataDir.resolve("pki").resolve("server.pem"))) {
                    channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).sslContext(
                            ClientCredentials.trustOnly(dataDir.resolve("pki").resolve("ca.pem")).sslContext()).build();
                }
                if (channel == null) {
                    sleep(100);
                    continue;
                }
                try {
                    HealthCheckResponse health = HealthGrpc.newBlockingStub(channel)
                            .withDeadlineAfter(1, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance());
                    if (health.getStatus() == HealthCheckResponse.ServingStatus.SERVING) {
                        return;
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
                sleep(100);
            }
            throw new IllegalStateException("hub not serving after " + START_TIMEOUT + "; see " + log);
        } finally {
            if (channel != null) {
                channel.shutdownNow();
            }
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("hub did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path hubJar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("hub-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no hub jar in target/: these tests run after `package` (mvnw verify)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
