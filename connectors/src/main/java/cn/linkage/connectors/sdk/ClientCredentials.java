package cn.linkage.connectors.sdk;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * What a platform needs to reach the hub over mutual TLS: the CA that signed the hub's certificate, and
 * the platform's own certificate and key (PEM; the key PKCS#8). The hub takes the platform from the
 * certificate, so the client acts as exactly the party its certificate names.
 *
 * @param caFile          the CA bundle the hub's server certificate chains to
 * @param certificateFile this platform's client certificate (chain)
 * @param keyFile         its private key
 */
public record ClientCredentials(Path caFile, Path certificateFile, Path keyFile) {

    /**
     * The files of {@code identity} in a directory laid out as the hub's development PKI
     * ({@code <data-dir>/pki}): {@code ca.pem}, {@code <identity>.pem}, {@code <identity>-key.pem}.
     */
    public static ClientCredentials inDirectory(Path directory, String identity) {
        return new ClientCredentials(directory.resolve("ca.pem"), directory.resolve(identity + ".pem"),
                directory.resolve(identity + "-key.pem"));
    }

    /** The netty TLS context presenting this certificate and trusting only the given CA. */
    public SslContext sslContext() {
        try {
            SslContextBuilder builder = GrpcSslContexts.forClient().trustManager(caFile.toFile());
            if (certificateFile != null) {
                builder.keyManager(certificateFile.toFile(), keyFile.toFile());
            }
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot use the TLS files " + this, e);
        }
    }

    /** Only the CA: enough for the health check, which answers without a client certificate. */
    public static ClientCredentials trustOnly(Path caFile) {
        return new ClientCredentials(caFile, null, null);
    }
}
