package io.arcnode.workbench.commissioning.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GatewayPollerTest {

    @Test
    void pollsLiveDataAndAlarmsOnItsOwnThreadUntilClosed() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = path.equals("/measurements") ? GatewayClientTest.MEASUREMENTS
                    : "{\"error\":\"alarms not running\",\"detail\":\"stage starting\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(path.equals("/measurements") ? 200 : 503, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        BlockingQueue<GatewayPoller.Poll> polls = new LinkedBlockingQueue<>();
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        GatewayClient client = new GatewayClient(new GatewayConnection("gw",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), ""), "", Duration.ofSeconds(5));
        try (GatewayPoller poller = new GatewayPoller(client, p -> {
            threads.add(Thread.currentThread().getName());
            polls.add(p);
        })) {
            poller.start(Duration.ofMillis(100));
            GatewayPoller.Poll first = polls.poll(30, TimeUnit.SECONDS);
            GatewayPoller.Poll second = polls.poll(30, TimeUnit.SECONDS);
            assertTrue(first != null && second != null, "two polls arrive");
            assertTrue(first.online());
            assertEquals(12, first.live().received());
            assertNull(first.alarms());
            assertEquals(503, first.alarmsError().status());
            assertEquals("arcnode-gateway-poller gw", threads.take());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableGatewayGivesAnOfflinePoll() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        GatewayClient client = new GatewayClient(new GatewayConnection("gone",
                URI.create("http://127.0.0.1:" + port + "/"), ""), "", Duration.ofSeconds(2));
        try (GatewayPoller poller = new GatewayPoller(client, p -> { })) {
            GatewayPoller.Poll p = poller.poll();
            assertFalse(p.online());
            assertNull(p.live());
            assertTrue(p.alarmsError().offline());
        }
    }
}
