package cn.linkage.bench.e2e;

import cn.linkage.connectors.sdk.ClientCredentials;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The hub's jar as its own OS process on the embedded store, with what the benchmark reads about it
 * from outside: start-up time until its health check answers, CPU time and resident memory from /proc.
 */
final class HubUnderTest implements AutoCloseable {

    private static final long CLOCK_TICKS_PER_SECOND = 100; // Linux USER_HZ

    final int grpcPort;
    final int storePort;
    final Path dataDir;
    private final Process process;
    final long startUpMillis;

    HubUnderTest(Path jar, Path dataDir, List<String> jvmFlags, List<String> hubArgs) throws IOException {
        this.dataDir = dataDir;
        this.grpcPort = freePort();
        this.storePort = freePort();
        List<String> command = new ArrayList<>(List.of("java", "-Daxoniq.update-checker.disabled=true"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.toString(), "--linkage.grpc.port=" + grpcPort,
                "--linkage.embedded.port=" + storePort, "--linkage.embedded.data-dir=" + dataDir,
                "--linkage.http.port=0", "--logging.level.root=WARN"));
        command.addAll(hubArgs);
        Files.createDirectories(dataDir);
        long begin = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling("hub.log").toFile())).start();
        awaitServing();
        startUpMillis = (System.nanoTime() - begin) / 1_000_000;
    }

    /** A channel over mutual TLS with the development certificate the hub made for {@code identity}. */
    ManagedChannel channel(String identity) {
        try {
            return NettyChannelBuilder.forAddress("127.0.0.1", grpcPort)
                    .sslContext(ClientCredentials.inDirectory(dataDir.resolve("pki"), identity).sslContext()).build();
        } catch (RuntimeException e) {
            throw new IllegalStateException("no usable certificate for " + identity + " under " + dataDir, e);
        }
    }

    /** A channel that trusts the hub's CA and presents no certificate: enough for the health check. */
    ManagedChannel anonymousChannel() {
        return NettyChannelBuilder.forAddress("127.0.0.1", grpcPort)
                .sslContext(ClientCredentials.trustOnly(dataDir.resolve("pki").resolve("ca.pem")).sslContext()).build();
    }

    String storeUri() {
        return "mongodb://127.0.0.1:" + storePort;
    }

    /** User + system CPU the hub process has used so far, in milliseconds. */
    long cpuMillis() {
        String[] fields = afterCommand(read("/proc/" + process.pid() + "/stat"));
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
    }

    /** Resident set size in MiB. */
    long rssMib() {
        for (String line : read("/proc/" + process.pid() + "/status").split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    long storeFileBytes() {
        try {
            return Files.size(dataDir.resolve("linkage-hub.mv")) + Files.size(dataDir.resolve("linkage-hub-derived.mv"));
        } catch (IOException e) {
            return -1;
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitServing() {
        ManagedChannel channel = null;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    if (channel == null && Files.exists(dataDir.resolve("pki").resolve("ca.pem"))) {
                        channel = anonymousChannel();
                    }
                    if (channel != null && HealthGrpc.newBlockingStub(channel).withDeadlineAfter(1, TimeUnit.SECONDS)
                            .check(HealthCheckRequest.getDefaultInstance()).getStatus()
                            == HealthCheckResponse.ServingStatus.SERVING) {
                        return;
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("hub did not start; see " + dataDir.resolveSibling("hub.log"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (channel != null) {
                channel.shutdownNow();
            }
        }
    }

    private static String[] afterCommand(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
