package cn.linkage.hub.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Reads and writes the PEM files of the hub's certificates. Keys are read with BouncyCastle, which
 * understands both PKCS#8 ({@code PRIVATE KEY}) and the PKCS#1 / SEC1 forms a city CA may hand out
 * ({@code RSA PRIVATE KEY}, {@code EC PRIVATE KEY}); the hub writes PKCS#8, which grpcurl, openssl and
 * netty all read.
 */
public final class PemFiles {

    private PemFiles() {
    }

    public static List<X509Certificate> certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read certificates from " + file, e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a PEM certificate file: " + file, e);
        }
    }

    public static X509CRL crl(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the revocation list " + file, e);
        } catch (CertificateException | CRLException e) {
            throw new IllegalArgumentException("not a CRL (PEM or DER): " + file, e);
        }
    }

    public static PrivateKey privateKey(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            Object read = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (read instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (read instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            throw new IllegalArgumentException("no unencrypted private key in " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the private key " + file, e);
        }
    }

    static void writeCertificate(Path file, X509Certificate certificate) {
        write(file, certificate, false);
    }

    /** Writes a key readable by its owner only, where the file system has POSIX permissions. */
    static void writePrivateKey(Path file, PrivateKey key) {
        try {
            write(file, new JcaPKCS8Generator(key, null).generate(), true);
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, Object pem, boolean secret) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file);
            if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                 JcaPEMWriter pemWriter = new JcaPEMWriter(out)) {
                pemWriter.writeObject(pem);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
