package cn.linkage.hub.support;

import cn.linkage.hub.identity.DevelopmentPki;
import cn.linkage.hub.identity.PemFiles;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** JDK HTTP clients for the hub's HTTPS export, from the development PKI's PEM files. */
public final class HttpsClients {

    private HttpsClients() {
    }

    /** A client presenting {@code identity}'s certificate; {@code null} presents none. */
    public static HttpClient as(Path pki, String identity) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", PemFiles.certificates(pki.resolve(DevelopmentPki.CA)).get(0));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        KeyManagerFactory keys = null;
        if (identity != null) {
            KeyStore own = KeyStore.getInstance("PKCS12");
            own.load(null, null);
            own.setKeyEntry("me", PemFiles.privateKey(DevelopmentPki.keyFile(pki, identity)), new char[0],
                    PemFiles.certificates(DevelopmentPki.certificateFile(pki, identity)).toArray(X509Certificate[]::new));
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(own, new char[0]);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
    }
}
