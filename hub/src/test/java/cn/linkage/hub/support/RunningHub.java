package cn.linkage.hub.support;

import cn.linkage.hub.HubApplication;
import cn.linkage.hub.grpc.GrpcServerLifecycle;
import cn.linkage.proto.v1.TicketServiceGrpc;
import de.bwaldvogel.mongo.MongoServer;
import cn.linkage.connectors.sdk.ClientCredentials;
import cn.linkage.proto.v1.Actor;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real hub process-in-a-JVM for tests: the Spring application with its gRPC server on a free
 * loopback port, on the embedded store under a given directory or on another hub's store. Calls go over
 * mutual TLS with the certificates of the hub's development PKI ({@code <data-dir>/pki}): {@link #as}
 * picks one identity; {@link #tickets()} and {@link #channel()} present, for each call, the certificate
 * of the actor its request names.
 */
public final class RunningHub implements AutoCloseable {

    /** Who a request without an actor (routing, health, webhooks, a masked GetTicket) goes out as. */
    private static final String NO_ACTOR_IDENTITY = "SUPERVISION";

    private final ConfigurableApplicationContext context;
    private final TlsChannels channels;
    private final Channel byActor;

    private RunningHub(Path pki, List<String> args) {
        this(pki, args, new Class<?>[0]);
    }

    private RunningHub(Path pki, List<String> args, Class<?>... extraConfiguration) {
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
        channels = new TlsChannels(pki, "127.0.0.1", port);
        byActor = channels.byActor(NO_ACTOR_IDENTITY);
    }

    /** A hub on the embedded store persisting under {@code dataDir}. */
    public static RunningHub embedded(Path dataDir, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--linkage.embedded.data-dir=" + dataDir));
        args.addAll(List.of(extraArgs));
        return new RunningHub(dataDir.resolve("pki"), args);
    }

    /** A hub on the embedded store with test-only beans added (e.g. a {@code @Primary} clock the test moves). */
    public static RunningHub embeddedWith(Path dataDir, Class<?> extraConfiguration, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--linkage.embedded.data-dir=" + dataDir));
        args.addAll(List.of(extraArgs));
        return new RunningHub(dataDir.resolve("pki"), args, extraConfiguration);
    }

    /**
     * A second hub node on the same store as {@code other} (as two nodes on one replica set), configured
     * with the first node's CA and server certificate as production nodes are with the city's.
     */
    public static RunningHub sharingStoreOf(RunningHub other) {
        Path pki = other.channels.pki();
        return new RunningHub(pki, List.of("--linkage.mongo.uri=" + other.mongoUri(),
                "--linkage.tls.ca-file=" + pki.resolve("ca.pem"),
                "--linkage.tls.server-certificate-file=" + pki.resolve("server.pem"),
                "--linkage.tls.server-key-file=" + pki.resolve("server-key.pem"),
                "--linkage.tls.client-credentials-dir=" + pki));
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

    /** Ticket calls, each presenting the certificate of the actor its request names. */
    public TicketServiceGrpc.TicketServiceBlockingStub tickets() {
        return TicketServiceGrpc.newBlockingStub(byActor).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    /** A channel whose calls each present the certificate of the actor their request names. */
    public Channel channel() {
        return byActor;
    }

    /** The channel presenting the certificate of {@code platform} ("12345", "110", "SUPERVISION" …). */
    public ManagedChannel as(String platform) {
        return channels.as(platform);
    }

    /** The channel presenting the certificate of {@code actor}'s platform, or of its unit if it names one. */
    public ManagedChannel as(Actor actor) {
        return actor.getUnit().isEmpty() ? channels.as(actor.getPlatform())
                : channels.asUnit(actor.getPlatform(), actor.getUnit());
    }

    /** A TLS channel that trusts the hub but presents no client certificate. */
    public ManagedChannel anonymous() {
        return channels.anonymous();
    }

    /** The PEM files of {@code platform}, for the SDK ({@code LinkageClient.overMutualTls}). */
    public ClientCredentials credentials(String platform) {
        return channels.credentials(platform);
    }

    /**
     * The PEM files of {@code platform} in the development PKI a hub on {@code dataDir} uses, made now if
     * no hub made it yet (the hub then keeps it): for clients created before their hub starts.
     */
    public static ClientCredentials developmentCredentials(Path dataDir, String platform) {
        Path pki = dataDir.resolve("pki");
        new cn.linkage.hub.identity.DevelopmentPki(pki, java.time.Clock.systemUTC())
                .ensure(cn.linkage.hub.config.HubProperties.Tls.DEV_IDENTITIES, List.of());
        return ClientCredentials.inDirectory(pki, platform);
    }

    /** The development PKI the hub made (CA, server, one certificate per platform). */
    public Path pki() {
        return channels.pki();
    }

    /** The database of views, tokens and dead letters (the record is {@code bean(MongoDatabase.class)}). */
    public com.mongodb.client.MongoDatabase derivedDatabase() {
        return context.getBean(cn.linkage.hub.storage.MongoConfiguration.DERIVED, com.mongodb.client.MongoDatabase.class);
    }

    /** The number of events in the store, read from its global stream (not by the verifier or a view). */
    public long storedEvents() {
        long count = 0;
        try (org.axonframework.common.stream.BlockingStream<org.axonframework.eventhandling.TrackedEventMessage<?>> stream =
                     bean(org.axonframework.eventsourcing.eventstore.EventStore.class).openStream(null)) {
            while (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                stream.nextAvailable();
                count++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return count;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        channels.close();
        context.close();
    }
}
