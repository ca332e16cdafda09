package cn.linkage.hub.identity;

import java.math.BigInteger;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts client certificates that chain to the configured CA (the JDK's PKIX checks: signature, validity,
 * key usage) and are not revoked: neither on the deny list of serial numbers nor on the CRL. A refused
 * certificate fails the TLS handshake, on the gRPC and the HTTP port alike.
 */
public final class RevocationCheckingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager pkix;
    private final Set<BigInteger> revokedSerials;
    private final X509CRL crl;

    public RevocationCheckingTrustManager(List<X509Certificate> trustedCas, List<String> revokedSerials, X509CRL crl) {
        this.pkix = pkix(trustedCas);
        this.revokedSerials = revokedSerials.stream().map(s -> s.replace(":", "").trim()).filter(s -> !s.isEmpty())
                .map(s -> new BigInteger(s, 16)).collect(Collectors.toUnmodifiableSet());
        this.crl = crl;
    }

    private static X509ExtendedTrustManager pkix(List<X509Certificate> cas) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca-" + i, cas.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JDK offers no X509 trust manager");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the trust store from the CA bundle", e);
        }
    }

    private void notRevoked(X509Certificate[] chain) throws CertificateException {
        X509Certificate leaf = chain[0];
        if (revokedSerials.contains(leaf.getSerialNumber())) {
            throw new CertificateException("certificate " + leaf.getSerialNumber().toString(16) + " is revoked (deny list)");
        }
        if (crl != null && crl.isRevoked(leaf)) {
            throw new CertificateException("certificate " + leaf.getSerialNumber().toString(16) + " is revoked (CRL)");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        pkix.checkClientTrusted(chain, authType, socket);
        notRevoked(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        pkix.checkClientTrusted(chain, authType, engine);
        notRevoked(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkClientTrusted(chain, authType);
        notRevoked(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        pkix.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        pkix.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }
}
