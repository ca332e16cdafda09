package cn.linkage.hub.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The development PKI the hub makes on its first start when no certificates are configured: a local CA,
 * the server's certificate for loopback, and one client certificate per identity, as PEM files under one
 * directory ({@code <data-dir>/pki}). Files already there are kept, so a restart changes nothing and an
 * identity added to the list gets its certificate from the same CA. Keys are ECDSA P-256 (fast to make,
 * read by grpcurl, openssl, netty and the JDK). Never use this CA in production: its key sits beside
 * the certificates (docs/configuration.md, "Certificates").
 */
public final class DevelopmentPki {

    public static final String CA = "ca.pem";
    public static final String CA_KEY = "ca-key.pem";
    public static final String SERVER = "server.pem";
    public static final String SERVER_KEY = "server-key.pem";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration LEAF_VALIDITY = Duration.ofDays(825);

    private final Path directory;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public DevelopmentPki(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    public static Path certificateFile(Path directory, String identity) {
        return directory.resolve(identity + ".pem");
    }

    public static Path keyFile(Path directory, String identity) {
        return directory.resolve(identity + "-key.pem");
    }

    /**
     * Makes what is missing: the CA, the server certificate (for loopback and {@code extraServerNames}),
     * a certificate per platform identity. Answers the files it wrote (empty when all were there).
     */
    public List<Path> ensure(List<String> platformIdentities, List<String> extraServerNames) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            if (!Files.exists(directory.resolve(CA)) || !Files.exists(directory.resolve(CA_KEY))) {
                KeyPair ca = newKeyPair();
                X500Name name = name("Linkage hub development CA", null);
                X509Certificate caCertificate = sign(name, ca.getPublic(), name, ca.getPrivate(), CA_VALIDITY, c -> {
                    c.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                    c.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                });
                PemFiles.writePrivateKey(directory.resolve(CA_KEY), ca.getPrivate());
                PemFiles.writeCertificate(directory.resolve(CA), caCertificate);
                written.add(directory.resolve(CA));
            }
            if (!Files.exists(directory.resolve(SERVER)) || !Files.exists(directory.resolve(SERVER_KEY))) {
                written.add(issueServer(extraServerNames));
            }
            for (String platform : platformIdentities) {
                if (!Files.exists(certificateFile(directory, platform)) || !Files.exists(keyFile(directory, platform))) {
                    written.add(issueClient(platform, null, platform));
                }
            }
            if (!written.isEmpty()) {
                Files.writeString(directory.resolve("README.txt"), readme(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the development PKI under " + directory, e);
        }
        return written;
    }

    /** Issues a client certificate from this CA (a unit's, or a platform's under another file name). */
    public Path issueClient(String platform, String unit, String fileName) {
        KeyPair pair = newKeyPair();
        String uri = unit == null ? IdentityUris.platform(platform) : IdentityUris.unit(platform, unit);
        X509Certificate certificate = sign(name(unit == null ? platform : unit, platform), pair.getPublic(),
                caName(), caKey(), LEAF_VALIDITY, c -> {
                    c.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    c.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    c.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
                    c.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, uri)));
                });
        PemFiles.writePrivateKey(keyFile(directory, fileName), pair.getPrivate());
        PemFiles.writeCertificate(certificateFile(directory, fileName), certificate);
        return certificateFile(directory, fileName);
    }

    private Path issueServer(List<String> extraNames) {
        KeyPair pair = newKeyPair();
        List<GeneralName> names = new ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.iPAddress, "::1")));
        for (String extra : extraNames) {
            names.add(new GeneralName(isIpAddress(extra) ? GeneralName.iPAddress : GeneralName.dNSName, extra));
        }
        X509Certificate certificate = sign(name("linkage hub (development)", null), pair.getPublic(), caName(), caKey(),
                LEAF_VALIDITY, c -> {
                    c.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    c.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                    c.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                    c.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(GeneralName[]::new)));
                });
        PemFiles.writePrivateKey(directory.resolve(SERVER_KEY), pair.getPrivate());
        PemFiles.writeCertificate(directory.resolve(SERVER), certificate);
        return directory.resolve(SERVER);
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder certificate) throws CertIOException;
    }

    private X509Certificate sign(X500Name subject, PublicKey key, X500Name issuer, PrivateKey issuerKey,
                                 Duration validity, Extensions extensions) {
        Instant now = clock.instant();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, random).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, key);
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            extensions.add(builder);
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot sign a development certificate", e);
        }
    }

    private X500Name caName() {
        return X500Name.getInstance(PemFiles.certificates(directory.resolve(CA)).get(0).getSubjectX500Principal()
                .getEncoded());
    }

    private PrivateKey caKey() {
        return PemFiles.privateKey(directory.resolve(CA_KEY));
    }

    private static X500Name name(String commonName, String organisationalUnit) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Linkage hub development");
        if (organisationalUnit != null) {
            name.addRDN(BCStyle.OU, organisationalUnit);
        }
        return name.addRDN(BCStyle.CN, commonName).build();
    }

    private KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isIpAddress(String name) {
        if (!name.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            InetAddress.getByName(name);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String readme() {
        return """
                Development PKI made by the linkage hub on its first start (no certificates were configured).
                NOT FOR PRODUCTION: the CA's key (ca-key.pem) sits beside the certificates.

                ca.pem                     the CA every client trusts for the hub's port and that signs clients
                server.pem, server-key.pem the hub's certificate for localhost / 127.0.0.1 / ::1
                <identity>.pem, -key.pem   one client certificate per platform; the identity is the URI
                                           urn:linkage:platform:<code> in the certificate's alternative names

                grpcurl -cacert ca.pem -cert 110.pem -key 110-key.pem 127.0.0.1:9090 list
                curl --cacert ca.pem --cert SUPERVISION.pem --key SUPERVISION-key.pem \\
                     https://127.0.0.1:8080/views/board/tickets.json

                Delete this directory to start over with a new CA (every client then needs the new files).
                """;
    }
}
