package io.arcnode.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's reliability test: the gateway JVM killed with SIGKILL while readings flow through validator, aggregator
 * and the JDBC sink (the demo stage's H2 file), then started again on the same data. Afterwards the 1 s aggregates
 * and the sink table match a recomputation from the stream: every closed 1 s window exactly once with the count of
 * the clean readings in it, and one row per clean reading.
 */
class PipelineCrashE2ETest {

    private static final String DEVICE = "00000000-0000-4000-8000-0000000000c5";
    private static final Duration FLOW = Duration.ofSeconds(90);

    private static long metric(int port, String name, String labels) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name + labels) + " ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(Products.bodyOrEmpty(port, "/metrics"));
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }

    private static long rowsOut(int port) {
        return metric(port, "arcnode_sink_records_out_total", "{sink=\"jdbc\"}");
    }

    private static long windowsOut(int port) {
        return metric(port, "arcnode_aggregator_windows_out_total", "{resolution=\"1s\"}");
    }

    @Test
    void aggregatesAndSinkRowsMatchTheStreamAfterAKillDashNine(@TempDir Path data) throws Exception {
        int port = Products.freePort();
        Path customer = Products.bareGatewayOnFreePort(data);
        String bootstrap = Products.bootstrap(customer);
        Map<String, String> env = Map.of("CFG_CUSTOMER_PATH", customer.toString());
        Path log = data.resolve("console.log");
        Process p = Products.start("gateway", data, log, env, "--env", "demo", "--port", String.valueOf(port));
        int modbusPort = Products.freePort();
        ModbusSlave device = TopologyE2ETest.modbusServer(modbusPort, 42);
        try {
            TopologyE2ETest.awaitTopologyServed(port, log, p);
            assertEquals(200, TopologyE2ETest.post(port,
                    TopologyE2ETest.dtm(TopologyE2ETest.device(DEVICE, "127.0.0.1", modbusPort))).statusCode());
            Process first = p;
            Products.await("rows in the sink and 1 s windows out before the kill", FLOW, log, first,
                    () -> rowsOut(port) >= 5 && windowsOut(port) >= 3);

            ProcessHandle jvm = first.descendants()
                    .filter(h -> h.info().commandLine().orElse("").contains("org.eclipse.equinox.launcher"))
                    .findFirst().orElseThrow(() -> new AssertionError("no gateway JVM under " + first.pid()));
            assertTrue(jvm.destroyForcibly(), "SIGKILL sent to the gateway JVM " + jvm.pid());
            Products.await("bin/arcnode gone after the gateway JVM died", Products.START_TIMEOUT, log, null,
                    () -> !first.isAlive());

            // the device keeps answering: the restarted gateway resumes polling it, the stages resume from the stream
            p = Products.start("gateway", data, log, env, "--env", "demo", "--port", String.valueOf(port));
            Process again = p;
            Products.await("rows and windows flowing again after the restart", FLOW, log, again,
                    () -> rowsOut(port) >= 5 && windowsOut(port) >= 5);
            device.close();
            device = null;
            // the device is gone: every raw reading validated and the sink caught up with telemetry.clean
            Products.await("telemetry.clean as long as telemetry.raw and the sink's lag 0", FLOW, log, again,
                    () -> caughtUp(port, bootstrap));
            List<GenericRecord> raw = TelemetryRaw.readAll(bootstrap);
            List<GenericRecord> cleanRecords = TelemetryRaw.readAll(bootstrap, "telemetry.clean",
                    "measurement-v1.avsc");
            List<GenericRecord> windows = TelemetryRaw.readAll(bootstrap, "telemetry.1s", "aggregate-v1.avsc");
            Products.stop(again); // closes H2 for the check below
            p = null;

            assertTrue(raw.size() >= 10, "readings flowed: " + raw.size());
            assertEquals(raw.size(), cleanRecords.size(), "every raw reading validated once (no duplicates, "
                    + "nothing BAD from a steady device)");

            // the recomputation: clean readings per 1 s window of event time (device time, else gateway time)
            Map<Long, Long> expected = new TreeMap<>();
            long newest = Long.MIN_VALUE;
            Set<Long> times = new HashSet<>();
            for (GenericRecord r : cleanRecords) {
                long t = eventTime(r);
                times.add(t);
                newest = Math.max(newest, t);
                expected.merge(t - Math.floorMod(t, 1000L), 1L, Long::sum);
            }
            Map<Long, Long> emitted = new HashMap<>();
            for (GenericRecord w : windows) {
                assertEquals(DEVICE, w.get("asset_id").toString());
                long start = (Long) w.get("window_start");
                long count = (Long) ((GenericRecord) w.get("aggregates")).get("count");
                assertEquals(null, emitted.put(start, count), "window " + start + " emitted twice");
                assertEquals(42.0, ((GenericRecord) w.get("aggregates")).get("avg"));
            }
            // windows whose end + the 5 s allowed lateness the watermark (newest event time) passed are closed
            long closedBefore = newest - 5_000;
            long checked = 0;
            for (Map.Entry<Long, Long> e : expected.entrySet()) {
                if (e.getKey() + 1000 <= closedBefore) {
                    assertEquals(e.getValue(), emitted.get(e.getKey()), "1 s window " + e.getKey());
                    checked++;
                }
            }
            assertTrue(checked >= 5, "closed windows compared: " + checked);
            for (Map.Entry<Long, Long> e : emitted.entrySet()) {
                assertEquals(expected.get(e.getKey()), e.getValue(), "emitted window " + e.getKey()
                        + " counts what the stream holds");
            }

            // the sink table: one row per clean reading, keyed by (asset, parameter, event time)
            Path db;
            try (Stream<Path> files = Files.walk(data)) {
                db = files.filter(f -> f.getFileName().toString().equals("telemetry.mv.db")).findFirst()
                        .orElseThrow(() -> new AssertionError("no H2 file of the JDBC sink under " + data));
            }
            String url = "jdbc:h2:file:" + db.toString().replaceAll("\\.mv\\.db$", "") + ";ACCESS_MODE_DATA=r";
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT device_time) FROM telemetry")) {
                rs.next();
                assertEquals(times.size(), rs.getLong(1), "one row per distinct clean reading");
                assertEquals(rs.getLong(1), rs.getLong(2), "no duplicate key");
            }
            assertEquals(cleanRecords.size(), times.size(), "clean readings have distinct event times");
        } finally {
            if (device != null) {
                device.close();
            }
            Products.stop(p);
        }
    }

    private static boolean caughtUp(int port, String bootstrap) {
        try {
            int raw = TelemetryRaw.readAll(bootstrap).size();
            return raw > 0 && raw == TelemetryRaw.readAll(bootstrap, "telemetry.clean", "measurement-v1.avsc").size()
                    && metric(port, "arcnode_sink_lag_records", "{sink=\"jdbc\"}") == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static long eventTime(GenericRecord r) {
        GenericRecord ts = (GenericRecord) r.get("timestamps");
        Object device = ts.get("device_time");
        return device != null ? (Long) device : (Long) ts.get("gateway_time");
    }
}
