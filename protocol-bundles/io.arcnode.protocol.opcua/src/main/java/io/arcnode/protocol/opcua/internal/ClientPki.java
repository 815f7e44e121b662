package io.arcnode.protocol.opcua.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.UUID;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * The client's application instance certificate: created on first use in {@code <pki_dir>/client/} (a PKCS#12
 * key store) and loaded from there on every later start, so a server that trusted it once keeps trusting it.
 * Adapters sharing a {@code pki_dir} share the certificate (one gateway, one application instance).
 */
final class ClientPki {

    /** Key store file, relative to the PKI folder. */
    static final String KEY_STORE = "client/arcnode-opcua-client.p12";

    private static final String ALIAS = "client";
    // not a secret: the folder's permissions protect the key; PKCS#12 wants a password
    private static final char[] PASSWORD = "arcnode-opcua".toCharArray();

    /**
     * @param keyPair        the client key pair
     * @param certificate    its self-signed certificate
     * @param applicationUri the certificate's SAN URI, which the client must use as its application URI
     */
    record Identity(KeyPair keyPair, X509Certificate certificate, String applicationUri) {
    }

    private ClientPki() {
    }

    /** @return the identity stored in {@code pkiDir}, created there first when there is none */
    static synchronized Identity loadOrCreate(Path pkiDir) throws IOException, GeneralSecurityException {
        Path file = pkiDir.resolve(KEY_STORE);
        if (!Files.exists(file)) {
            create(file);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASSWORD);
        }
        Key key = ks.getKey(ALIAS, PASSWORD);
        if (!(key instanceof PrivateKey privateKey) || !(ks.getCertificate(ALIAS) instanceof X509Certificate cert)) {
            throw new GeneralSecurityException(file + " holds no key entry '" + ALIAS + "'");
        }
        String uri = CertificateUtil.getSanUri(cert)
                .orElseThrow(() -> new GeneralSecurityException(file + ": certificate without an application URI"));
        return new Identity(new KeyPair(cert.getPublicKey(), privateKey), cert, uri);
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.getParent());
        KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        String host = hostName();
        X509Certificate cert;
        try {
            cert = new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName("ArcNode gateway OPC UA client")
                    .setOrganization("ArcNode")
                    .setApplicationUri("urn:arcnode:gateway:opcua-client:" + UUID.randomUUID())
                    .addDnsName(host)
                    .setValidityPeriod(Period.ofYears(10))
                    .build();
        } catch (Exception e) {
            throw new GeneralSecurityException("cannot create the client certificate: " + e.getMessage(), e);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, PASSWORD);
        ks.setKeyEntry(ALIAS, keyPair.getPrivate(), PASSWORD, new X509Certificate[] {cert});
        Path tmp = Files.createTempFile(file.getParent(), "client", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's ACLs apply
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, PASSWORD);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file);
            }
        } catch (FileAlreadyExistsException e) {
            // another process created it first: use that one
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
