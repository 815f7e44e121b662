package io.arcnode.protocol.opcua.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.stack.client.security.ClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trust in the server certificate. {@code first_use}: the first certificate an endpoint presents is stored as
 * {@code <pki_dir>/trusted/<host>_<port>.der} and from then on only a certificate equal to it, or to any other
 * {@code .der} file an operator put into {@code trusted/}, is accepted; a changed certificate is rejected with
 * {@code Bad_SecurityChecksFailed} until its file is removed. {@code any}: every certificate is accepted.
 */
final class ServerTrust implements ClientCertificateValidator {

    private static final Logger LOG = LoggerFactory.getLogger(ServerTrust.class);

    private final OpcUaSettings.Trust mode;
    private final Path trusted;
    private final Path pinned;

    ServerTrust(OpcUaSettings.Trust mode, Path pkiDir, String host, int port) {
        this.mode = mode;
        this.trusted = pkiDir.resolve("trusted");
        this.pinned = trusted.resolve(host.replaceAll("[^A-Za-z0-9.-]", "_") + "_" + port + ".der");
    }

    @Override
    public void validateCertificateChain(List<X509Certificate> chain) throws UaException {
        if (mode == OpcUaSettings.Trust.ANY) {
            return;
        }
        if (chain == null || chain.isEmpty()) {
            throw new UaException(StatusCodes.Bad_SecurityChecksFailed, "the server presented no certificate");
        }
        byte[] presented;
        try {
            presented = chain.get(0).getEncoded();
        } catch (CertificateEncodingException e) {
            throw new UaException(StatusCodes.Bad_CertificateInvalid, e);
        }
        synchronized (ServerTrust.class) {
            try {
                if (isTrusted(presented)) {
                    return;
                }
                if (!Files.exists(pinned)) {
                    Files.createDirectories(trusted);
                    Files.write(pinned, presented);
                    LOG.info("trusting the server certificate {} on first use: {}",
                            chain.get(0).getSubjectX500Principal().getName(), pinned);
                    return;
                }
            } catch (IOException e) {
                throw new UaException(StatusCodes.Bad_SecurityChecksFailed,
                        "cannot read or write " + trusted + ": " + e.getMessage());
            }
        }
        throw new UaException(StatusCodes.Bad_SecurityChecksFailed, "the server certificate differs from the one "
                + "trusted on first use (" + pinned + "); remove that file to trust the new one");
    }

    @Override
    public void validateCertificateChain(List<X509Certificate> chain, String applicationUri, String... validHostNames)
            throws UaException {
        validateCertificateChain(chain);
    }

    private boolean isTrusted(byte[] presented) throws IOException {
        if (!Files.isDirectory(trusted)) {
            return false;
        }
        try (Stream<Path> files = Files.list(trusted)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".der"))::iterator) {
                if (Arrays.equals(Files.readAllBytes(f), presented)) {
                    return true;
                }
            }
        }
        return false;
    }
}
