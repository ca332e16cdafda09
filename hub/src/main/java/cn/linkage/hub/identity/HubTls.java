package cn.linkage.hub.identity;

import cn.linkage.hub.config.HubProperties;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's TLS material, loaded once at start: the CA bundle clients must chain to, the server's
 * certificate and key, and the revocation checks. From the configured files in production; else from the
 * development PKI, made on the first start. Gives the netty context of the gRPC port and the JDK context
 * of the HTTP port, both with the same trust manager.
 */
public final class HubTls {

    private static final Logger log = LoggerFactory.getLogger(HubTls.class);

    private final X509Certificate[] serverChain;
    private final PrivateKey serverKey;
    private final RevocationCheckingTrustManager trust;
    private final Path clientCredentials;

    private HubTls(List<X509Certificate> cas, List<X509Certificate> serverChain, PrivateKey serverKey,
                   RevocationCheckingTrustManager trust, Path clientCredentials) {
        this.serverChain = serverChain.toArray(X509Certificate[]::new);
        this.serverKey = serverKey;
        this.trust = trust;
        this.clientCredentials = clientCredentials;
    }

    /** Loads the configured certificates, or makes (first start) and loads the development PKI. */
    public static HubTls load(HubProperties.Tls settings, Path dataDir, String grpcAddress, Clock clock) {
        Path ca;
        Path certificate;
        Path key;
        Path credentials = settings.clientCredentialsDir().isBlank() ? null : Path.of(settings.clientCredentialsDir());
        if (settings.configured()) {
            ca = required(settings.caFile(), "linkage.tls.ca-file");
            certificate = required(settings.serverCertificateFile(), "linkage.tls.server-certificate-file");
            key = required(settings.serverKeyFile(), "linkage.tls.server-key-file");
        } else {
            Path directory = settings.devPkiDir().isBlank() ? dataDir.resolve("pki") : Path.of(settings.devPkiDir());
            long start = System.nanoTime();
            List<Path> written = new DevelopmentPki(directory, clock).ensure(settings.devIdentities(),
                    isSpecific(grpcAddress) ? List.of(grpcAddress) : List.of());
            if (!written.isEmpty()) {
                log.info("Made a development PKI (CA, server and {} client certificates) in {} ms under {}",
                        settings.devIdentities().size(), (System.nanoTime() - start) / 1_000_000, directory.toAbsolutePath());
            }
            log.warn("Mutual TLS with the DEVELOPMENT certificates under {} (not for production: configure "
                     + "linkage.tls.*). Try: grpcurl -cacert {}/ca.pem -cert {}/110.pem -key {}/110-key.pem HOST:PORT list",
                    directory.toAbsolutePath(), directory, directory, directory);
            ca = directory.resolve(DevelopmentPki.CA);
            certificate = directory.resolve(DevelopmentPki.SERVER);
            key = directory.resolve(DevelopmentPki.SERVER_KEY);
            credentials = credentials == null ? directory : credentials;
        }
        List<X509Certificate> cas = PemFiles.certificates(ca);
        RevocationCheckingTrustManager trust = new RevocationCheckingTrustManager(cas, settings.revokedSerials(),
                settings.crlFile().isBlank() ? null : PemFiles.crl(required(settings.crlFile(), "linkage.tls.crl-file")));
        return new HubTls(cas, PemFiles.certificates(certificate), PemFiles.privateKey(key), trust, credentials);
    }

    private static Path required(String file, String setting) {
        if (file.isBlank()) {
            throw new IllegalStateException(setting + " is required when any of linkage.tls.ca-file, "
                    + "server-certificate-file, server-key-file is set");
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new IllegalStateException(setting + ": cannot read " + path.toAbsolutePath());
        }
        return path;
    }

    private static boolean isSpecific(String address) {
        return !address.isBlank() && !address.equals("0.0.0.0") && !address.equals("::")
               && !address.equals("127.0.0.1") && !address.equals("localhost");
    }

    /**
     * The gRPC port's context: client certificates are asked for but optional at the handshake, so health
     * checks from load balancers work; {@code ClientCertificateInterceptor} refuses every other call without one.
     */
    public SslContext grpcServerContext() {
        try {
            return GrpcSslContexts.configure(SslContextBuilder.forServer(serverKey, serverChain))
                    .trustManager(trust).clientAuth(ClientAuth.OPTIONAL).build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build the gRPC port's TLS context", e);
        }
    }

    /** The HTTP port's context (the server then requires a client certificate). */
    public SSLContext httpsContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry("server", serverKey, password, serverChain);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the HTTP port's TLS context", e);
        }
    }

    /**
     * Where connectors inside the hub find {@code ca.pem} and their platform's {@code <platform>.pem} and
     * {@code <platform>-key.pem} (the development PKI's layout), if anywhere.
     */
    public Optional<Path> clientCredentials() {
        return Optional.ofNullable(clientCredentials);
    }
}
