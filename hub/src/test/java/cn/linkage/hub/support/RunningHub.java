package cn.linkage.hub.support;

import cn.linkage.hub.HubApplication;
import cn.linkage.hub.grpc.GrpcServerLifecycle;
import cn.linkage.proto.v1.TicketServiceGrpc;
import de.bwaldvogel.mongo.MongoServer;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real hub process-in-a-JVM for tests: the Spring application with its gRPC server on a free
 * loopback port, on the embedded store under a given directory or on another hub's store.
 */
public final class RunningHub implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final ManagedChannel channel;

    private RunningHub(List<String> args) {
        this(args, new Class<?>[0]);
    }

    private RunningHub(List<String> args, Class<?>... extraConfiguration) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        List<String> all = new ArrayList<>(args);
        all.add("--linkage.grpc.address=127.0.0.1");
        if (all.stream().noneMatch(a -> a.startsWith("--linkage.http.port="))) {
            all.add("--linkage.http.port=0");
        }
        if (all.stream().noneMatch(a -> a.startsWith("--linkage.grpc.port="))) {
            all.add("--linkage.grpc.port=0");
        }
        all.add("--spring.main.banner-mode=off");
        context = new SpringApplicationBuilder(HubApplication.class).sources(extraConfiguration)
                .run(all.toArray(String[]::new));
        int port = context.getBean(GrpcServerLifecycle.class).port();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    /** A hub on the embedded store persisting under {@code dataDir}. */
    public static RunningHub embedded(Path dataDir, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--linkage.embedded.data-dir=" + dataDir));
        args.addAll(List.of(extraArgs));
        return new RunningHub(args);
    }

    /** A hub on the embedded store with test-only beans added (e.g. a {@code @Primary} clock the test moves). */
    public static RunningHub embeddedWith(Path dataDir, Class<?> extraConfiguration, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--linkage.embedded.data-dir=" + dataDir));
        args.addAll(List.of(extraArgs));
        return new RunningHub(args, extraConfiguration);
    }

    /** A second hub node on the same store as {@code other} (as two nodes on one replica set). */
    public static RunningHub sharingStoreOf(RunningHub other) {
        return new RunningHub(List.of("--linkage.mongo.uri=" + other.mongoUri()));
    }

    public String mongoUri() {
        MongoServer server = context.getBean(MongoServer.class);
        return "mongodb://" + server.getLocalAddress().getHostString() + ":" + server.getLocalAddress().getPort();
    }

    public int port() {
        return context.getBean(GrpcServerLifecycle.class).port();
    }

    /** A free loopback port, for a hub that must come back on the same address after a restart. */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public TicketServiceGrpc.TicketServiceBlockingStub tickets() {
        return TicketServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    public ManagedChannel channel() {
        return channel;
    }

    /** The database of views, tokens and dead letters (the record is {@code bean(MongoDatabase.class)}). */
    public com.mongodb.client.MongoDatabase derivedDatabase() {
        return context.getBean(cn.linkage.hub.storage.MongoConfiguration.DERIVED, com.mongodb.client.MongoDatabase.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.close();
    }
}
