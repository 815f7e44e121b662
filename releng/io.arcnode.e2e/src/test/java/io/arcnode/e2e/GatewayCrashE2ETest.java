package io.arcnode.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec 004 "Failure Modes": the gateway JVM killed with SIGKILL while a Modbus device (j2mod, in the test JVM) is
 * polled loses no reading the broker acknowledged. bin/arcnode stops the embedded broker when the gateway dies, so
 * the gateway is started again on the same data directory (its broker comes back from {@code <data>/broker}) and
 * {@code telemetry.raw} is read with a real Kafka consumer and decoded with plain Avro ({@link TelemetryRaw}).
 */
class GatewayCrashE2ETest {

    private static final String DEVICE = "00000000-0000-4000-8000-000000000001";
    private static final Pattern ACKED = Pattern.compile(
            "^arcnode_stream_acked_total\\{topic=\"telemetry\\.raw\"} ([0-9.eE+]+)$", Pattern.MULTILINE);

    @Test
    void killingTheGatewayJvmLosesNoAcknowledgedReading(@TempDir Path data) throws Exception {
        int port = Products.freePort();
        // a bare deploy (no SIM-mode fixtures): the only readings on telemetry.raw are this test's device's
        Path customer = Products.bareGatewayOnFreePort(data);
        String bootstrap = Products.bootstrap(customer);
        Map<String, String> env = Map.of("CFG_CUSTOMER_PATH", customer.toString());
        Path log = data.resolve("console.log");
        Process p = Products.start("gateway", data, log, env, "--env", "demo", "--port", String.valueOf(port));
        ModbusSlave device = null;
        try {
            TopologyE2ETest.awaitTopologyServed(port, log, p);
            int modbusPort = Products.freePort();
            device = TopologyE2ETest.modbusServer(modbusPort, 42);
            assertEquals(200, TopologyE2ETest.post(port,
                    TopologyE2ETest.dtm(TopologyE2ETest.device(DEVICE, "127.0.0.1", modbusPort))).statusCode());
            Products.await("readings acknowledged by the broker", Duration.ofSeconds(60), log, p,
                    () -> ackedOnMetrics(port) >= 5);

            long ackedBeforeKill = ackedOnMetrics(port);
            Process first = p;
            ProcessHandle jvm = first.descendants()
                    .filter(h -> h.info().commandLine().orElse("").contains("org.eclipse.equinox.launcher"))
                    .findFirst().orElseThrow(() -> new AssertionError("no gateway JVM under " + first.pid()));
            assertTrue(jvm.destroyForcibly(), "SIGKILL sent to the gateway JVM " + jvm.pid());
            Products.await("bin/arcnode gone after the gateway JVM died (it stops its broker)", Products.START_TIMEOUT,
                    log, null, () -> !first.isAlive());
            device.close();
            device = null;

            p = Products.start("gateway", data, log, env, "--env", "demo", "--port", String.valueOf(port));
            Process again = p;
            Products.await("broker back with telemetry.raw on " + bootstrap, Products.START_TIMEOUT, log, again,
                    () -> TelemetryRaw.count(bootstrap) >= 0);
            List<GenericRecord> records = TelemetryRaw.readAll(bootstrap);

            assertTrue(ackedBeforeKill >= 5, "readings flowed before the kill: " + ackedBeforeKill);
            assertTrue(records.size() >= ackedBeforeKill,
                    records.size() + " records on telemetry.raw, " + ackedBeforeKill + " acknowledged before the kill");
            for (GenericRecord r : records) {
                assertEquals(DEVICE, r.get("asset_id").toString(), r.toString());
                assertEquals(42.0, r.get("value"), r.toString());
                assertEquals("adapter_modbus_tcp_" + DEVICE, String.valueOf(((Map<?, ?>) r.get("metadata")).get(
                        new Utf8("adapter_id"))), r.toString());
            }
        } finally {
            if (device != null) {
                device.close();
            }
            Products.stop(p);
        }
    }

    /** @return {@code arcnode_stream_acked_total{topic="telemetry.raw"}}, 0 while not scraped yet */
    private static long ackedOnMetrics(int port) {
        Matcher m = ACKED.matcher(Products.bodyOrEmpty(port, "/metrics"));
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }
}
