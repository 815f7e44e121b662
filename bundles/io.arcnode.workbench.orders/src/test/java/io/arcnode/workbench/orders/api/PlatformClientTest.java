package io.arcnode.workbench.orders.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ConfiguratorPayloads;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a local HTTP server answering as the platform's {@code POST /submit} does (spec 001). */
class PlatformClientTest {

    private static final ConfiguratorPayload PAYLOAD = ConfiguratorPayloads.parse(OrderFormTest.VALID);

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(int status, String contentType, String body, AtomicReference<String> received)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/platform/submit", exchange -> {
            received.set(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type")
                    + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/platform/");
    }

    @Test
    void anAcceptedOrderShowsThePlatformsAnswer() throws Exception {
        AtomicReference<String> received = new AtomicReference<>();
        PlatformClient client = new PlatformClient(serve(200, "text/plain", "form submitted", received),
                Duration.ofSeconds(5));
        PlatformClient.Result r = client.submit(PAYLOAD);
        assertEquals(new PlatformClient.Result(PlatformClient.Outcome.ACCEPTED, 200, "form submitted"), r);
        assertEquals("POST application/json " + ArcnodeJson.write(PAYLOAD), received.get());
    }

    @Test
    void aRefusalShowsTheErrorAndEveryViolation() throws Exception {
        String body = "{\"error\":\"validation failed\",\"detail\":[{\"field\":\"\",\"rule\":\"bess_consistency\","
                + "\"message\":\"bess_coupling=NONE iff bess_capacity_mwh=0\"},{\"field\":\"target_gpu_count\","
                + "\"rule\":\"ge=1\",\"message\":\"target_gpu_count must be at least 1\"}]}";
        PlatformClient client = new PlatformClient(serve(422, "application/json", body, new AtomicReference<>()),
                Duration.ofSeconds(5));
        PlatformClient.Result r = client.submit(PAYLOAD);
        assertEquals(PlatformClient.Outcome.REFUSED, r.outcome());
        assertEquals(422, r.status());
        assertEquals("HTTP 422: validation failed\nbess_coupling=NONE iff bess_capacity_mwh=0 [bess_consistency]\n"
                + "target_gpu_count: target_gpu_count must be at least 1 [ge=1]", r.message());
        stop();
        PlatformClient.Result plain = new PlatformClient(serve(503, "text/plain", "maintenance",
                new AtomicReference<>()), Duration.ofSeconds(5)).submit(PAYLOAD);
        assertEquals(new PlatformClient.Result(PlatformClient.Outcome.REFUSED, 503, "HTTP 503: maintenance"), plain);
    }

    @Test
    void noServerIsOffline() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        PlatformClient.Result r = new PlatformClient(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(5))
                .submit(PAYLOAD);
        assertEquals(PlatformClient.Outcome.OFFLINE, r.outcome());
        assertEquals(0, r.status());
        assertTrue(r.message().startsWith("the platform cannot be reached (http://127.0.0.1:" + port + "/submit)"),
                r.message());
    }

    @Test
    void aPlatformThatNeverAnswersIsOfflineAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket held = silent.accept()) {
                    held.getInputStream().readAllBytes(); // reads the request, never answers
                } catch (IOException closed) {
                    // the test closed the socket
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            PlatformClient.Result r = new PlatformClient(URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                    Duration.ofSeconds(1)).submit(PAYLOAD);
            assertEquals(PlatformClient.Outcome.OFFLINE, r.outcome());
            assertTrue(r.message().startsWith("the platform did not answer within 1 s"), r.message());
        }
    }

    @Test
    void onlyHttpUrlsWithAHost() {
        assertThrows(IllegalArgumentException.class, () -> new PlatformClient(URI.create("ftp://x/"),
                Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new PlatformClient(URI.create("file:///tmp"),
                Duration.ofSeconds(1)));
        assertEquals(URI.create("https://p.example/submit"),
                new PlatformClient(URI.create("https://p.example"), Duration.ofSeconds(1)).submitUrl());
    }
}
