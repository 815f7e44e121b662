package io.arcnode.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Each headless product, started by its launcher on the shipped configuration, becomes ready and serves health and metrics. */
class HeadlessStartupE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "platform" })
    void startsOnDemoDefaultsAndAnswersReady(String product, @TempDir Path data) throws Exception {
        int port = Products.freePort();
        Path log = data.resolve("console.log");
        // the gateway's embedded broker on a free port, not the shipped 9092 another process may hold
        Path customer = Products.streamOnFreePort(data);
        Process p = Products.start(product, data, log, Map.of("CFG_CUSTOMER_PATH", customer.toString()),
                "--env", "demo", "--port", String.valueOf(port));
        try {
            Products.await(product + " /health/ready == 200", Products.START_TIMEOUT, log, p,
                    () -> Products.statusOrZero(port, "/health/ready") == 200);
            // the demo gateway's fixtures hold devices of protocols it does not speak (redfish, snmp, dnp3,
            // canopen): its adapters component is DEGRADED for them, a known gap, and so is the roll-up; every
            // other component turns HEALTHY (the stream once its broker answers, which may be after HTTP is up)
            String expected = product.equals("gateway") ? "DEGRADED" : "HEALTHY";
            Products.await(product + " /health " + expected + ", every other component HEALTHY",
                    Products.START_TIMEOUT, log, p, () -> othersHealthy(Products.bodyOrEmpty(port, "/health"))
                            && expected.equals(overallStatus(Products.bodyOrEmpty(port, "/health"))));

            HttpResponse<String> health = Products.get(port, "/health");
            assertEquals(200, health.statusCode(), health.body());
            JsonNode body = JSON.readTree(health.body());
            assertEquals(expected, body.get("status").asText(), health.body());
            if (product.equals("gateway")) {
                JsonNode adapters = component(body, "adapters");
                assertEquals("DEGRADED", adapters.get("status").asText(), health.body());
                assertTrue(adapters.get("detail").asText().contains("UNSUPPORTED_PROTOCOL"), health.body());
                assertTrue(!adapters.get("detail").asText().contains("FAILED"), health.body());
            }
            assertTrue(body.get("components").toString().contains("\"component\":\"config\""), health.body());

            assertEquals(200, Products.get(port, "/health/live").statusCode());

            HttpResponse<String> metrics = Products.get(port, "/metrics");
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("arcnode_uptime_seconds"), metrics.body());
            assertTrue(metrics.body().contains("arcnode_component_health{component=\"config\"} 0"), metrics.body());

            HttpResponse<String> missing = Products.get(port, "/no/such/thing");
            assertEquals(404, missing.statusCode());
            assertEquals("not found", JSON.readTree(missing.body()).get("error").asText());

            String jsonLog = Products.readQuietly(data.resolve("logs/arcnode.log"));
            String firstLine = jsonLog.lines().findFirst().orElse("");
            JsonNode entry = JSON.readTree(firstLine);
            for (String field : new String[] { "timestamp", "level", "component", "gateway_id", "message" }) {
                assertTrue(entry.has(field), "log line lacks " + field + ": " + firstLine);
            }
            assertTrue(jsonLog.contains("\"gateway_id\":\"demo-gateway\""), "configured gateway_id not logged:\n" + jsonLog);

            String console = Products.readQuietly(log);
            assertTrue(console.contains("http://localhost:" + port + "/health/ready")
                    || console.contains(":" + port + "/health/ready"), "health URL not printed:\n" + console);
        } finally {
            Products.stop(p);
        }
    }

    /** @return whether every component but {@code adapters} is HEALTHY */
    private static boolean othersHealthy(String healthBody) {
        try {
            JsonNode components = JSON.readTree(healthBody).path("components");
            if (!components.isArray() || components.isEmpty()) {
                return false;
            }
            for (JsonNode c : components) {
                if (!c.path("component").asText().equals("adapters") && !c.path("status").asText().equals("HEALTHY")) {
                    return false;
                }
            }
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static JsonNode component(JsonNode health, String name) {
        for (JsonNode c : health.path("components")) {
            if (c.path("component").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no component " + name + " in " + health);
    }

    private static String overallStatus(String healthBody) {
        try {
            return JSON.readTree(healthBody).path("status").asText();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
