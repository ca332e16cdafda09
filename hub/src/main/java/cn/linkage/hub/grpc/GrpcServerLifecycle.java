package cn.linkage.hub.grpc;

import cn.linkage.hub.config.HubProperties;
import cn.linkage.hub.identity.ClientCertificateInterceptor;
import cn.linkage.hub.identity.HubTls;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The plain grpc-java server, started after everything else (Axon's processors included) and
 * stopped first, so no call arrives at a half-built or half-stopped hub. It speaks only TLS: client
 * certificates are verified at the handshake and turned into the caller's identity by
 * {@link ClientCertificateInterceptor} (docs/decisions/0006).
 */
public class GrpcServerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GrpcServerLifecycle.class);

    private final HubProperties.Grpc settings;
    private final List<BindableService> services;
    private final HealthStatusManager health;
    private final HubTls tls;
    private volatile Server server;

    public GrpcServerLifecycle(HubProperties.Grpc settings, List<BindableService> services, HealthStatusManager health,
                               HubTls tls) {
        this.settings = settings;
        this.services = services;
        this.health = health;
        this.tls = tls;
    }

    @Override
    @SuppressWarnings("deprecation") // v1alpha reflection: older tools (grpcurl < 1.8.8) speak only that.
    public void start() {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(settings.address(), settings.port()))
                .sslContext(tls.grpcServerContext())
                .intercept(new ClientCertificateInterceptor())
                .maxInboundMessageSize(settings.maxMessageBytes())
                // Dead peers (a platform's link dropped without a FIN) are found and their streams ended;
                // clients may ping every 30 s to keep middleboxes from dropping a quiet exchange stream.
                .keepAliveTime(settings.keepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
                .keepAliveTimeout(settings.keepAliveTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .permitKeepAliveTime(30, TimeUnit.SECONDS)
                .permitKeepAliveWithoutCalls(true)
                .maxConnectionIdle(settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance())
                .addService(ProtoReflectionService.newInstance());
        services.forEach(builder::addService);
        try {
            server = builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the gRPC server to " + settings.address() + ":" + settings.port(), e);
        }
        services.forEach(s -> health.setStatus(s.bindService().getServiceDescriptor().getName(), ServingStatus.SERVING));
        health.setStatus("", ServingStatus.SERVING);
        log.info("Linkage hub gRPC API listening on {} (mutual TLS)", address());
    }

    @Override
    public void stop() {
        Server running = server;
        if (running == null) {
            return;
        }
        health.enterTerminalState();
        running.shutdown();
        services.stream().filter(LongLivedCalls.class::isInstance).map(LongLivedCalls.class::cast)
                .forEach(LongLivedCalls::endLongLivedCalls);
        try {
            if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /** The bound address as host:port (the real port when 0 was configured). */
    public String address() {
        Server running = server;
        int port = running == null ? settings.port() : running.getPort();
        return settings.address() + ":" + port;
    }

    public int port() {
        return server.getPort();
    }
}
