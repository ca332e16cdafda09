package cn.linkage.hub.support;

import cn.linkage.connectors.sdk.ClientCredentials;
import cn.linkage.hub.identity.DevelopmentPki;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Mutual-TLS channels to one hub, one per identity, with the certificates of the hub's development PKI
 * (made under its data directory on its first start). A unit's certificate is issued from the same CA
 * when a test first acts as that unit.
 */
public final class TlsChannels implements AutoCloseable {

    private final Path pki;
    private final String host;
    private final int port;
    private final Map<String, ManagedChannel> open = new ConcurrentHashMap<>();

    public TlsChannels(Path pki, String host, int port) {
        this.pki = pki;
        this.host = host;
        this.port = port;
    }

    /**
     * The channel presenting the certificate of {@code platform} ({@code <platform>.pem} of the PKI; one the
     * PKI does not hold yet, e.g. a platform outside the default list, is issued from its CA first).
     */
    public ManagedChannel as(String platform) {
        return open.computeIfAbsent(platform, p -> channel(issuedIfMissing(p, null, p)));
    }

    /** The channel presenting the certificate of the unit {@code unit} acting through {@code platform}. */
    public ManagedChannel asUnit(String platform, String unit) {
        String file = "unit-" + platform + "-" + unit;
        return open.computeIfAbsent(file, f -> channel(issuedIfMissing(platform, unit, f)));
    }

    private synchronized ClientCredentials issuedIfMissing(String platform, String unit, String file) {
        if (!Files.exists(DevelopmentPki.certificateFile(pki, file))) {
            new DevelopmentPki(pki, Clock.systemUTC()).issueClient(platform, unit, file);
        }
        return ClientCredentials.inDirectory(pki, file);
    }

    /** A channel trusting the hub but presenting no certificate. */
    public ManagedChannel anonymous() {
        return open.computeIfAbsent(" anonymous", a -> channel(ClientCredentials.trustOnly(pki.resolve(DevelopmentPki.CA))));
    }

    /** One channel for many actors: each call presents the certificate its request's actor names. */
    public Channel byActor(String fallback) {
        return new ActorRoutedChannel(actor -> actor.getUnit().isEmpty() ? as(actor.getPlatform())
                : asUnit(actor.getPlatform(), actor.getUnit()), fallback, host + ":" + port);
    }

    public ClientCredentials credentials(String platform) {
        return ClientCredentials.inDirectory(pki, platform);
    }

    public Path pki() {
        return pki;
    }

    private ManagedChannel channel(ClientCredentials credentials) {
        return NettyChannelBuilder.forAddress(host, port).sslContext(credentials.sslContext()).build();
    }

    @Override
    public void close() {
        open.values().forEach(ManagedChannel::shutdownNow);
        for (ManagedChannel channel : open.values()) {
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        open.clear();
    }
}
