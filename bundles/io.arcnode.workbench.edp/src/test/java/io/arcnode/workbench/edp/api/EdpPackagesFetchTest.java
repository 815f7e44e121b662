package io.arcnode.workbench.edp.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetching a package from a platform: a local HTTP server answers {@code GET /artifacts/<key>} from a generated
 * revision's folder, as the platform's artifact endpoint does from its store.
 */
class EdpPackagesFetchTest {

    @TempDir
    Path tmp;
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(Path store, String missing) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/platform/artifacts/", exchange -> {
            String key = exchange.getRequestURI().getPath().substring("/platform/artifacts/".length());
            Path file = store.resolve(key);
            if (key.equals(missing) || !Files.isRegularFile(file)) {
                byte[] body = "{\"error\":\"not found\"}".getBytes();
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
            } else {
                byte[] body = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/platform");
    }

    private EdpRevision generated() throws Exception {
        return new EdpPackages(Files.writeString(tmp.resolve("site.json"), "{}"))
                .generate(EdpPackagesTest.PAYLOAD, new EdpPackagesTest.Recorder(Integer.MAX_VALUE));
    }

    @Test
    void aFetchedPackageIsARevisionWithThePlatformsBytes() throws Exception {
        EdpRevision source = generated();
        URI platform = serve(source.root(), null);
        EdpPackages laptop = new EdpPackages(Files.writeString(tmp.resolve("laptop.json"), "{}"));
        EdpPackagesTest.Recorder progress = new EdpPackagesTest.Recorder(Integer.MAX_VALUE);
        EdpRevision fetched = laptop.fetch(platform, EdpPackagesTest.PAYLOAD, Duration.ofSeconds(5), progress);
        assertEquals(1, fetched.number());
        assertEquals(source.artifacts().size(), fetched.artifacts().size());
        assertEquals(source.artifacts().size(), progress.written.size());
        for (int i = 0; i < source.artifacts().size(); i++) {
            EdpArtifact a = source.artifacts().get(i);
            EdpArtifact b = fetched.artifacts().get(i);
            assertEquals(source.root().relativize(a.file()), fetched.root().relativize(b.file()));
            assertArrayEquals(Files.readAllBytes(a.file()), Files.readAllBytes(b.file()), a.name());
        }
    }

    @Test
    void aMissingArtifactLeavesNothingAndSaysWhich() throws Exception {
        EdpRevision source = generated();
        String missing = source.root().relativize(source.artifacts().get(3).file()).toString();
        URI platform = serve(source.root(), missing);
        Path order = Files.writeString(tmp.resolve("laptop.json"), "{}");
        EdpPackages laptop = new EdpPackages(order);
        PlatformFetchException e = assertThrows(PlatformFetchException.class, () -> laptop.fetch(platform,
                EdpPackagesTest.PAYLOAD, Duration.ofSeconds(5), new EdpPackagesTest.Recorder(Integer.MAX_VALUE)));
        assertEquals(404, e.status());
        assertEquals("the platform has no " + missing + " (generate the package there first: POST /edp-api/jobs)",
                e.getMessage());
        assertEquals(List.of(), laptop.revisions());
        try (Stream<Path> left = Files.list(laptop.folder())) {
            assertEquals(List.of(), left.toList(), "no partial revision is left");
        }
    }

    @Test
    void anUnreachablePlatformIsOffline() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        EdpPackages laptop = new EdpPackages(Files.writeString(tmp.resolve("laptop.json"), "{}"));
        PlatformFetchException e = assertThrows(PlatformFetchException.class, () -> laptop.fetch(
                URI.create("http://127.0.0.1:" + port + "/"), EdpPackagesTest.PAYLOAD, Duration.ofSeconds(2),
                new EdpPackagesTest.Recorder(Integer.MAX_VALUE)));
        assertTrue(e.offline());
        assertTrue(e.getMessage().startsWith("the platform cannot be reached (http://127.0.0.1:" + port
                + "/artifacts/edp/"), e.getMessage());
        assertFalse(laptop.latest().isPresent());
    }
}
