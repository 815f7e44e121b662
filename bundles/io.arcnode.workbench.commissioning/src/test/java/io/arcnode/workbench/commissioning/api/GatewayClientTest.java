package io.arcnode.workbench.commissioning.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.arcnode.api.ArcnodeJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a local HTTP server answering with the gateway's documented bodies. */
class GatewayClientTest {

    static final String TOPOLOGY = "{\"dtm_version\":3,\"applied_at\":\"2026-12-01T10:00:00.000Z\",\"dtm\":"
            + TestDtms.JSON + "}";
    static final String MEASUREMENTS = """
            {"received":12,"published":10,"gaps":1,"devices_without_connection":1,"published_by_topic":{},
             "adapters":[{"adapter_id":"adapter_modbus_tcp_d69bee15-1a1f-512a-aa17-c621b0e7e8ae","source":"dtm",
               "device_uuid":"d69bee15-1a1f-512a-aa17-c621b0e7e8ae","protocol":"modbus_tcp","status":"HEALTHY",
               "reason":null,"received":12,"published":10,"gaps":1},
              {"adapter_id":"chiller_opcua","source":"gateway_config","device_uuid":null,"protocol":"opcua",
               "status":"DEGRADED","reason":"no peer","received":0,"published":0,"gaps":0}],
             "last_values":{"d69bee15-1a1f-512a-aa17-c621b0e7e8ae/supply_temp_c":{
               "asset_id":"d69bee15-1a1f-512a-aa17-c621b0e7e8ae","parameter":"supply_temp_c","value":31.5,
               "unit":"degC","quality":"GOOD","classification":"TELEMETRY",
               "timestamps":{"device_time":null,"gateway_time":"2026-12-01T10:00:01.250Z"},"metadata":{}}}}""";
    static final String ALARM = """
            {"seq":3,"alarm_id":"alm-1","asset_id":"chiller_plant_01","parameter":"supply_temp_c",
             "rule":"chiller_supply_temp_high","condition":"value >= 100.0","severity":"HIGH",
             "message":"chiller supply temperature above 100 °C","state":"%s","condition_active":true,
             "raised_at":"2026-12-01T10:00:01Z","value":104.5,"acknowledged":%s,"suppressed":null,
             "cleared_at":null,"history":[]}""";

    private HttpServer server;
    private final Map<String, String> requests = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private GatewayClient serve(String user, String password, Map<String, Object[]> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            requests.put(key, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.put(key + " auth", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            Object[] answer = answers.getOrDefault(key, new Object[] {404, "{\"error\":\"not found\"}"});
            byte[] bytes = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders((Integer) answer[0], bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gw/");
        return new GatewayClient(new GatewayConnection("site A", url, user), password, Duration.ofSeconds(5));
    }

    @Test
    void noTopologyYetIsEmptyAndAnAppliedOneIsParsed() throws Exception {
        GatewayClient empty = serve("", "", Map.of());
        assertTrue(empty.topology().isEmpty());
        stop();
        GatewayClient client = serve("", "", Map.of("GET /gw/topology", new Object[] {200, TOPOLOGY}));
        GatewayTopology t = client.topology().orElseThrow();
        assertEquals(3, t.version());
        assertEquals("2026-12-01T10:00:00.000Z", t.appliedAt());
        assertEquals(TestDtms.dtm(), t.dtm());
        assertEquals("null", requests.get("GET /gw/topology auth"), "no user, no Authorization header");
    }

    @Test
    void applyPostsTheDtmWithBasicAuthAndReturnsTheNewVersion() throws Exception {
        String answer = TOPOLOGY.replace("\"dtm_version\":3", "\"dtm_version\":4").replace("{\"dtm_version\"",
                "{\"reconciliation\":{\"started\":[],\"restarted\":[\"" + TestDtms.CDU
                        + "\"],\"stopped\":[],\"unchanged\":[],\"not_connected\":[\"" + TestDtms.PDU
                        + "\"]},\"dtm_version\"");
        GatewayClient client = serve("engineer", "s3cret", Map.of("POST /gw/topology", new Object[] {200, answer}));
        GatewayTopology t = client.apply(TestDtms.dtm());
        assertEquals(4, t.version());
        assertEquals(List.of(TestDtms.CDU.toString()), t.reconciliation().get("restarted"));
        assertEquals("dtm_version 4 (applied 2026-12-01T10:00:00.000Z), started 0, restarted 1, stopped 0,"
                + " unchanged 0, not connected 1", t.describe());
        assertEquals(ArcnodeJson.write(TestDtms.dtm()), requests.get("POST /gw/topology"));
        assertEquals("Basic ZW5naW5lZXI6czNjcmV0", requests.get("POST /gw/topology auth"));
    }

    @Test
    void aRefusedApplyCarriesTheGatewaysMessage() throws Exception {
        GatewayClient client = serve("", "", Map.of("POST /gw/topology", new Object[] {422,
                "{\"error\":\"validation failed\",\"detail\":[{\"field\":\"devices[0].port\",\"rule\":\"le\","
                        + "\"message\":\"port must be <= 65535\"}]}"}));
        GatewayException e = assertThrows(GatewayException.class, () -> client.apply(TestDtms.dtm()));
        assertEquals(422, e.status());
        assertFalse(e.offline());
        assertTrue(e.getMessage().endsWith("validation failed\ndevices[0].port: port must be <= 65535 [le]"),
                e.getMessage());
    }

    @Test
    void measurementsGiveAdaptersAndLastValues() throws Exception {
        GatewayClient client = serve("", "", Map.of("GET /gw/measurements", new Object[] {200, MEASUREMENTS}));
        LiveSnapshot live = client.measurements();
        assertEquals(12, live.received());
        assertEquals(2, live.adapters().size());
        assertEquals(new LiveSnapshot.Adapter("chiller_opcua", "gateway_config", null, "opcua", "DEGRADED",
                "no peer", 0, 0), live.adapters().get(1));
        assertEquals("", live.adapters().get(0).reason());
        LiveSnapshot.LastValue v = live.lastValues().get(TestDtms.CDU + "/supply_temp_c");
        assertEquals(new LiveSnapshot.LastValue(TestDtms.CDU + "/supply_temp_c", TestDtms.CDU.toString(),
                "supply_temp_c", 31.5, "degC", "GOOD", Instant.parse("2026-12-01T10:00:01.250Z")), v);
    }

    @Test
    void alarmsAreListedAndAcknowledgedAsTheOperator() throws Exception {
        GatewayClient client = serve("", "", Map.of(
                "GET /gw/api/v1/alarms", new Object[] {200, "{\"alarms\":[" + ALARM.formatted("ACTIVE", "null")
                        + "],\"count\":1}"},
                "POST /gw/api/v1/alarms/alm-1/ack", new Object[] {200, ALARM.formatted("ACKNOWLEDGED",
                        "{\"by\":\"anna\",\"at\":\"2026-12-01T10:05:00Z\",\"comment\":\"seen\"}")},
                "POST /gw/api/v1/alarms/alm-1/suppress", new Object[] {409,
                        "{\"error\":\"illegal transition\",\"detail\":\"suppress: alm-1 is CLEARED\"}"}));
        GatewayAlarm a = client.alarms().get(0);
        assertEquals(new GatewayAlarm("alm-1", "ACTIVE", "HIGH", "chiller_plant_01", "supply_temp_c",
                "chiller supply temperature above 100 °C", 104.5, "2026-12-01T10:00:01Z", ""), a);
        assertTrue(a.acknowledgeable());
        GatewayAlarm acked = client.acknowledge("alm-1", "anna", "seen");
        assertEquals("ACKNOWLEDGED", acked.state());
        assertEquals("anna", acked.acknowledgedBy());
        assertFalse(acked.acknowledgeable());
        assertTrue(acked.suppressible());
        assertEquals("{\"by\":\"anna\",\"comment\":\"seen\"}", requests.get("POST /gw/api/v1/alarms/alm-1/ack"));
        GatewayException refused = assertThrows(GatewayException.class,
                () -> client.suppress("alm-1", "anna", ""));
        assertEquals(409, refused.status());
        assertTrue(refused.getMessage().endsWith("illegal transition\nsuppress: alm-1 is CLEARED"),
                refused.getMessage());
        assertEquals("{\"by\":\"anna\"}", requests.get("POST /gw/api/v1/alarms/alm-1/suppress"));
    }

    @Test
    void aGatewayThatDoesNotAnswerIsOfflineAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    s.getInputStream().readAllBytes(); // reads the request, never answers
                } catch (IOException ignored) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            GatewayClient client = new GatewayClient(new GatewayConnection("silent",
                    URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"), ""), "", Duration.ofMillis(300));
            GatewayException e = assertThrows(GatewayException.class, client::measurements);
            assertTrue(e.offline());
            assertTrue(e.getMessage().startsWith("silent did not answer within 300 ms"), e.getMessage());
        }
    }

    @Test
    void aGatewayThatStallsInTheMiddleOfItsAnswerIsOfflineAfterTheTimeout() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write("{\"received\":".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                release.await(30, java.util.concurrent.TimeUnit.SECONDS); // the rest of the body never comes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        GatewayClient client = new GatewayClient(new GatewayConnection("stalling",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), ""), "", Duration.ofMillis(300));
        try {
            GatewayException e = assertThrows(GatewayException.class, client::measurements);
            assertTrue(e.offline());
            assertTrue(e.getMessage().startsWith("stalling did not answer within 300 ms"), e.getMessage());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aRefusedConnectionIsOffline() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        GatewayClient client = new GatewayClient(new GatewayConnection("gone",
                URI.create("http://127.0.0.1:" + port + "/"), ""), "", GatewayClient.DEFAULT_TIMEOUT);
        GatewayException e = assertThrows(GatewayException.class, client::topology);
        assertTrue(e.offline());
        assertTrue(e.getMessage().startsWith("gone cannot be reached (http://127.0.0.1:" + port + "/topology)"),
                e.getMessage());
        assertTrue(GatewayClient.DEFAULT_TIMEOUT.compareTo(Duration.ofSeconds(5)) < 0,
                "a silent gateway must show as offline within 5 s");
    }
}
