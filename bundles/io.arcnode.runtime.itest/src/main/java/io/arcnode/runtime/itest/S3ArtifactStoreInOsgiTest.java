package io.arcnode.runtime.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.arcnode.edp.pipeline.api.ArtifactStore;
import io.arcnode.edp.pipeline.api.ArtifactStoreException;
import io.arcnode.edp.pipeline.api.S3Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The S3 artifact store inside Equinox, through the pipeline bundle's API only: the wrapped AWS SDK bundles resolve,
 * a client builds (explicit URLConnection HTTP client, no ServiceLoader discovery), requests are signed and sent, and
 * an S3 error answer is parsed, whatever the thread's context class loader. The full S3 behaviour is tested against a real S3 server outside OSGi
 * (releng/io.arcnode.s3.itest). {@link Timeout} only guards a hang.
 */
@Timeout(60)
class S3ArtifactStoreInOsgiTest {

    private static final String KEY = "edp/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d/bom.json";
    private static final String NO_SUCH_BUCKET = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchBucket"
            + "</Code><Message>The specified bucket does not exist</Message><BucketName>arcnode-artifacts</BucketName>"
            + "<RequestId>itest</RequestId></Error>";

    private static ArtifactStore store(String endpoint) {
        return ArtifactStore.s3(S3Settings.forEndpoint(endpoint).withRegion("us-east-1")
                .withCredentials("itest-access-key", "itest-secret-key"));
    }

    /** put, get and exists fail with "artifact store: cannot <action> '<key>': <reason>". */
    private static void assertEveryCallFails(ArtifactStore store, String reason) {
        ArtifactStoreException put = assertThrows(ArtifactStoreException.class, () -> store.put(KEY, new byte[] {1}));
        assertEquals(KEY, put.key());
        assertEquals("artifact store: cannot write '" + KEY + "': " + reason, put.getMessage());
        ArtifactStoreException get = assertThrows(ArtifactStoreException.class, () -> store.get(KEY));
        assertEquals("artifact store: cannot read '" + KEY + "': " + reason, get.getMessage());
        UncheckedIOException exists = assertThrows(UncheckedIOException.class, () -> store.exists(KEY));
        ArtifactStoreException check = assertInstanceOf(ArtifactStoreException.class, exists.getCause());
        assertEquals("artifact store: cannot check '" + KEY + "': " + reason, check.getMessage());
    }

    @Test
    void aClosedPortFailsNamingTheKey() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + port;
        try (ArtifactStore store = store(endpoint)) {
            assertEveryCallFails(store, "connection refused by " + endpoint);
        }
    }

    @Test
    void anS3ErrorAnswerIsParsed() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread responder = new Thread(() -> answerNoSuchBucket(server), "itest-s3-responder");
            responder.setDaemon(true);
            responder.start();
            String endpoint = "http://127.0.0.1:" + server.getLocalPort();
            // a context class loader that sees nothing (as on a framework or DS thread): the store must not need it
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(new ClassLoader(null) {
            });
            try (ArtifactStore store = store(endpoint)) {
                assertEveryCallFails(store, "bucket 'arcnode-artifacts' does not exist at " + endpoint);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    /** Answers every request on its own connection with S3's 404 NoSuchBucket, until the socket is closed. */
    private static void answerNoSuchBucket(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
                String requestLine = reader.readLine();
                long length = 0;
                for (String h = reader.readLine(); h != null && !h.isEmpty(); h = reader.readLine()) {
                    if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Long.parseLong(h.substring(15).trim());
                    }
                }
                for (long i = 0; i < length && reader.read() >= 0; i++) {
                    // drain the request body so that the client is not reset while it writes
                }
                byte[] body = NO_SUCH_BUCKET.getBytes(StandardCharsets.UTF_8);
                boolean head = requestLine != null && requestLine.startsWith("HEAD ");
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 404 Not Found\r\nContent-Type: application/xml\r\nContent-Length: " + body.length
                        + "\r\nx-amz-request-id: itest\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                if (!head) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                // the socket was closed by the test, or a client hung up: the next accept tells
            }
        }
    }
}
