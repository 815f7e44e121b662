package io.arcnode.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec 001 scenarios 2 and 3 on the built gateway: a bare deploy DTM (devices, no connection) is returned by
 * {@code GET /topology} and produces no measurements; commissioning it with {@code POST /topology} pointing a device at
 * a Modbus TCP server on loopback (j2mod, in the test JVM) makes measurements arrive; a restart of the gateway comes
 * back with the commissioned DTM and its adapter.
 */
class TopologyE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String DEVICE_1 = "00000000-0000-4000-8000-000000000001";
    private static final String DEVICE_2 = "00000000-0000-4000-8000-000000000002";

    @Test
    void bareDeployIsQuietAndCommissioningMakesMeasurementsFlow(@TempDir Path data) throws Exception {
        int port = Products.freePort();
        Path log = data.resolve("console.log");
        Path customer = Products.bareGatewayOnFreePort(data);
        String bootstrap = Products.bootstrap(customer);
        Process p = Products.start("gateway", data, log, Map.of("CFG_CUSTOMER_PATH", customer.toString()),
                "--env", "demo", "--port", String.valueOf(port));
        ModbusSlave device = null;
        try {
            awaitTopologyServed(port, log, p);
            HttpResponse<String> none = Products.get(port, "/topology");
            assertEquals(404, none.statusCode(), "no topology before the first POST");
            assertEquals("no topology", JSON.readTree(none.body()).get("error").asText(), none.body());

            String bare = dtm(device(DEVICE_1, "", 502), device(DEVICE_2, "", 502));
            HttpResponse<String> applied = post(port, bare);
            assertEquals(200, applied.statusCode(), applied.body());
            JsonNode first = JSON.readTree(applied.body());
            assertEquals(1, first.get("dtm_version").asInt());
            assertEquals("sim", first.get("dtm").get("ems_mode").asText());

            JsonNode topology = JSON.readTree(Products.get(port, "/topology").body());
            assertEquals(JSON.readTree(bare), topology.get("dtm"), "GET /topology returns the posted DTM");
            JsonNode quiet = JSON.readTree(Products.get(port, "/measurements").body());
            assertEquals(0, quiet.get("received").asLong(), quiet.toString());
            assertEquals(0, quiet.get("adapters").size(), "a device without connection gets no adapter: " + quiet);
            assertEquals(2, quiet.get("devices_without_connection").asInt());
            Products.await("telemetry.raw exists", Products.START_TIMEOUT, log, p, () -> TelemetryRaw.count(bootstrap) >= 0);
            assertEquals(0, TelemetryRaw.count(bootstrap), "a bare deploy publishes nothing");

            JsonNode invalid = JSON.readTree(post(port, bare.replace("\"grid-1\",\"host\"", "\"nope\",\"host\""))
                    .body());
            assertEquals("dtm_module_fk", invalid.get("detail").get(0).get("rule").asText(), invalid.toString());

            int modbusPort = Products.freePort();
            device = modbusServer(modbusPort, 42);
            HttpResponse<String> commissioned = post(port,
                    dtm(device(DEVICE_1, "127.0.0.1", modbusPort), device(DEVICE_2, "", 502)));
            assertEquals(200, commissioned.statusCode(), commissioned.body());
            JsonNode second = JSON.readTree(commissioned.body());
            assertEquals(2, second.get("dtm_version").asInt());
            assertEquals("live", second.get("dtm").get("ems_mode").asText(), "real connection data: live");
            assertEquals(DEVICE_1, second.get("reconciliation").get("started").get(0).asText());

            Products.await("measurements > 0 after commissioning", Duration.ofSeconds(30), log, p,
                    () -> received(port) > 0);
            Products.await("measurements > 0 in telemetry.raw after commissioning", Duration.ofSeconds(30), log, p,
                    () -> TelemetryRaw.count(bootstrap) > 0);
            assertEquals(DEVICE_1, TelemetryRaw.readAll(bootstrap).get(0).get("asset_id").toString());
            JsonNode flowing = JSON.readTree(Products.get(port, "/measurements").body());
            assertEquals(42.0, flowing.get("last_values").get(DEVICE_1 + "/soc").get("value").asDouble(),
                    flowing.toString());
            assertEquals("adapter_modbus_tcp_" + DEVICE_1, flowing.get("adapters").get(0).get("adapter_id").asText());
            String metrics = Products.get(port, "/metrics").body();
            assertTrue(metrics.contains("arcnode_adapter_measurements_total{adapter_id=\"adapter_modbus_tcp_" + DEVICE_1
                    + "\"}"), metrics);
            assertTrue(metrics.contains("arcnode_devices_without_connection 1"), metrics);

            Products.stop(p);
            int again = Products.freePort();
            p = Products.start("gateway", data, log, Map.of("CFG_CUSTOMER_PATH", customer.toString()),
                    "--env", "demo", "--port", String.valueOf(again));
            Process restarted = p;
            awaitTopologyServed(again, log, p);
            JsonNode kept = JSON.readTree(Products.get(again, "/topology").body());
            assertEquals(2, kept.get("dtm_version").asInt(), "a restart comes back with the last applied DTM");
            assertEquals("live", kept.get("dtm").get("ems_mode").asText());
            Products.await("measurements > 0 after the restart", Duration.ofSeconds(30), log, restarted,
                    () -> received(again) > 0);
        } finally {
            if (device != null) {
                device.close();
            }
            Products.stop(p);
        }
    }

    /**
     * Waits until the topology component serves {@code /topology}: readiness does not wait for it (the servlet is
     * registered when the lazily activated bundle's component activates, which may be after {@code /health/ready}).
     */
    static void awaitTopologyServed(int port, Path log, Process p) {
        Products.await("gateway serving /topology", Products.START_TIMEOUT, log, p, () -> {
            String body = Products.bodyOrEmpty(port, "/topology");
            return body.contains("\"dtm_version\"") || body.contains("\"no topology\"");
        });
    }

    private static long received(int port) {
        try {
            return JSON.readTree(Products.bodyOrEmpty(port, "/measurements")).path("received").asLong(0);
        } catch (IOException e) {
            return 0;
        }
    }

    static ModbusSlave modbusServer(int port, int value) throws Exception {
        SimpleProcessImage image = new SimpleProcessImage(1);
        image.addRegister(new SimpleRegister(value));
        ModbusSlave slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, false);
        slave.addProcessImage(1, image);
        slave.open();
        return slave;
    }

    static HttpResponse<String> post(int port, String body) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/topology"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    static String device(String uuid, String host, int port) {
        return "{\"device_uuid\":\"" + uuid + "\",\"device_type\":\"bess_bms\",\"module_id\":\"grid-1\","
                + "\"host\":\"" + host + "\",\"port\":" + port + ",\"protocol_config\":{\"protocol\":\"modbus_tcp\","
                + "\"unit_id\":1,\"point_maps\":[{\"name\":\"soc\",\"function_code\":3,\"start_address\":0,"
                + "\"count\":1}]},\"description\":\"BMS\"}";
    }

    static String dtm(String... devices) {
        return "{\"deployment_uuid\":\"6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b\",\"ems_mode\":\"sim\","
                + "\"sizing_params\":{\"P_compute_total_kW\":1200.0,\"E_BESS_total_kWh\":20000.0,"
                + "\"T_coolant_setpoint_C\":32.5},\"modules\":[{\"module_id\":\"grid-1\","
                + "\"module_type\":\"grid_container\",\"container_position\":\"B1\",\"description\":\"g1\"}],"
                + "\"devices\":[" + String.join(",", devices) + "]}";
    }
}
