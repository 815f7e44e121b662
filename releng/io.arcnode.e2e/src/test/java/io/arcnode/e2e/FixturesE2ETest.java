package io.arcnode.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec 001 scenario 1 ("Fixtures") on the built gateway, which is also the demo stage of the README's run command:
 * {@code bin/arcnode gateway --env demo} applies the shipped {@code industrial-fixtures.json} on its first start,
 * starts the Modbus simulators its loopback devices point at (SIM mode) and the adapters of the shipped
 * {@code adapters.demo.yml}, and measurements reach {@code telemetry.raw} on the embedded broker, readable by plain
 * Apache Avro. Devices of protocols the gateway does not speak show {@code UNSUPPORTED_PROTOCOL}; nothing crashes.
 */
class FixturesE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The adapters of the shipped adapters.demo.yml and their assets. */
    private static final Set<String> CONFIGURED_ADAPTERS = Set.of("adapter_modbus_site_meter",
            "adapter_opcua_chiller_plant", "adapter_mqtt_weather");
    private static final Set<String> CONFIGURED_ASSETS = Set.of("site_meter_01", "chiller_plant_01",
            "weather_station_01");

    @Test
    void demoStageAppliesTheFixturesAndMeasurementsReachTelemetryRaw(@TempDir Path data) throws Exception {
        JsonNode fixtures = JSON.readTree(Products.repo().resolve("runtime-headless/industrial-fixtures.json")
                .toFile());
        Set<String> modbusDevices = new TreeSet<>();
        Map<String, String> protocolOf = new HashMap<>();
        for (JsonNode d : fixtures.get("devices")) {
            String protocol = d.get("protocol_config").get("protocol").asText();
            protocolOf.put("adapter_" + protocol + "_" + d.get("device_uuid").asText(), protocol);
            if (protocol.equals("modbus_tcp")) {
                modbusDevices.add(d.get("device_uuid").asText());
            }
        }
        int port = Products.freePort();
        Path log = data.resolve("console.log");
        Path customer = Products.streamOnFreePort(data);
        String bootstrap = Products.bootstrap(customer);
        Process p = Products.start("gateway", data, log, Map.of("CFG_CUSTOMER_PATH", customer.toString()),
                "--env", "demo", "--port", String.valueOf(port));
        try {
            Products.await("gateway serving its topology", Products.START_TIMEOUT, log, p,
                    () -> Products.bodyOrEmpty(port, "/topology").contains("\"dtm_version\""));
            JsonNode topology = JSON.readTree(Products.get(port, "/topology").body());
            assertEquals(1, topology.get("dtm_version").asInt(), "the fixtures are the first topology");
            assertEquals(fixtures.get("devices"), topology.get("dtm").get("devices"), "GET /topology: the fixtures");
            assertEquals("sim", topology.get("dtm").get("ems_mode").asText());

            Products.await("measurements > 0 in telemetry.raw", Duration.ofSeconds(30), log, p,
                    () -> TelemetryRaw.count(bootstrap) > 0);
            Set<String> expected = new TreeSet<>(modbusDevices);
            expected.addAll(CONFIGURED_ASSETS);
            Products.await("every Modbus device of the fixtures and every configured adapter in telemetry.raw",
                    Duration.ofSeconds(60), log, p, () -> assets(bootstrap).containsAll(expected));
            List<GenericRecord> records = TelemetryRaw.readAll(bootstrap);
            GenericRecord first = records.get(0);
            // Modbus gives no device time: quality UNCERTAIN, device_time null, gateway_time set (spec 004)
            assertEquals("UNCERTAIN", first.get("quality").toString(), first.toString());
            assertEquals(null, ((GenericRecord) first.get("timestamps")).get("device_time"), first.toString());
            assertEquals("TELEMETRY", first.get("classification").toString(), first.toString());
            assertTrue(records.stream().anyMatch(r -> r.get("asset_id").toString().equals("site_meter_01")
                    && r.get("parameter").toString().equals("active_power_kw")),
                    "the gateway-configured adapter of adapters.demo.yml publishes too");
            assertTrue(records.stream().anyMatch(r -> r.get("asset_id").toString().equals("weather_station_01")
                    && r.get("quality").toString().equals("GOOD")
                    && ((GenericRecord) r.get("timestamps")).get("device_time") != null),
                    "MQTT payloads carry a device time: GOOD with device_time");

            // the validator stage (issue 5, defaults only so far) forwards them to telemetry.clean
            Products.await("validated measurements in telemetry.clean", Duration.ofSeconds(60), log, p,
                    () -> TelemetryRaw.count(bootstrap, "telemetry.clean") > 0);

            JsonNode measurements = JSON.readTree(Products.get(port, "/measurements").body());
            int healthy = 0;
            int unsupported = 0;
            Set<String> configured = new TreeSet<>();
            for (JsonNode a : measurements.get("adapters")) {
                String id = a.get("adapter_id").asText();
                if (a.get("source").asText().equals("gateway_config")) {
                    assertEquals("HEALTHY", a.get("status").asText(), a.toString());
                    configured.add(id);
                    continue;
                }
                if (protocolOf.get(id).equals("modbus_tcp")) {
                    healthy += a.get("status").asText().equals("HEALTHY") ? 1 : 0;
                } else {
                    assertEquals("UNSUPPORTED_PROTOCOL", a.get("status").asText(), a.toString());
                    unsupported++;
                }
            }
            assertEquals(CONFIGURED_ADAPTERS, configured, measurements.toString());
            assertEquals(modbusDevices.size(), healthy, "every simulated Modbus device is healthy: " + measurements);
            assertEquals(protocolOf.size() - modbusDevices.size(), unsupported, measurements.toString());
            assertTrue(Products.readQuietly(log).contains("SIM mode: modbus_tcp on port 15021 simulator started"),
                    "the simulators are started by the gateway itself");
        } finally {
            Products.stop(p);
        }
    }

    private static Set<String> assets(String bootstrap) {
        try {
            Set<String> out = new TreeSet<>();
            TelemetryRaw.readAll(bootstrap).forEach(r -> out.add(r.get("asset_id").toString()));
            return out;
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }
}
