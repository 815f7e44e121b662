package io.arcnode.sink.jdbc.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.health.HealthStatus;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import io.arcnode.sink.api.CircuitBreaker;
import io.arcnode.sink.api.KafkaDeadLetters;
import io.arcnode.sink.api.SinkLoop;
import io.arcnode.sink.itest.PostgresServer;
import io.arcnode.sink.itest.StreamFixture;
import io.arcnode.stream.api.StreamTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDBC sink against the real embedded broker and a real PostgreSQL server (started and stopped by the test from
 * the Maven Central binaries): batched idempotent inserts, a replay after resetting the group's offsets writes no
 * duplicates, the migrations apply once, the TimescaleDB detection takes the plain path (the server has no
 * timescaledb), poison records go to the DLQ, and the outage test of issue 5.
 */
class JdbcSinkPostgresTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    static Path tmp;
    static StreamFixture stream;
    static PostgresServer postgres;

    @BeforeAll
    static void start() {
        stream = new StreamFixture(tmp.resolve("broker"));
        postgres = PostgresServer.start(Path.of("target", "pg-" + System.nanoTime()));
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
        if (stream != null) {
            stream.close();
        }
    }

    private static JdbcTarget target(String table) {
        return new JdbcTarget(postgres.url(), "postgres", null, table);
    }

    @Test
    void migrationsApplyOnceAndTheTableStaysPlainWithoutTimescale() throws Exception {
        JdbcTarget t = target("migrated");
        try (Connection c = t.connect()) {
            assertEquals(2, Migrations.migrate(c, Dialect.POSTGRESQL, t.table()), "V1 and V2 on an empty database");
            assertEquals(0, Migrations.migrate(c, Dialect.POSTGRESQL, t.table()), "second start: nothing to apply");
            assertEquals(2, Migrations.current(c, "migrated_schema_version"));
            assertFalse(Timescale.available(c), "the test server has no timescaledb");
            assertFalse(Timescale.installed(c));
            assertEquals(Timescale.Outcome.NOT_AVAILABLE, Timescale.apply(c, t.table()));
        }
        assertEquals(0, SinkHarness.count(t, ""));
        assertEquals(2, SinkHarness.longQuery(t, "SELECT COUNT(*) FROM migrated_schema_version"));
        assertEquals(1, SinkHarness.longQuery(t, "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'migrated_device_time_idx'"));
    }

    @Test
    void batchesAreInsertedAndAReplayWritesNoDuplicates() throws Exception {
        String topic = "telemetry.itest_replay";
        stream.createTopics(topic);
        List<Measurement> readings = new ArrayList<>(IntStream.range(0, 2000).mapToObj(StreamFixture::reading).toList());
        // no device time: keyed by gateway time, marked time_source = 'gateway'
        readings.add(new Measurement("asset_x", "flow", 7.5, "m3/h", Quality.UNCERTAIN, Classification.TELEMETRY,
                new Timestamps(null, StreamFixture.T0.plusSeconds(3600)), Map.of()));
        stream.send(topic, readings);
        JdbcTarget t = target("replay");
        try (SinkHarness h = new SinkHarness(stream)) {
            try (SinkLoop<Measurement> loop = h.loop("replay", "itest-replay", topic, t, 300)) {
                loop.start();
                await().atMost(WAIT).until(() -> loop.recordsOut() == 2001 && loop.lag() == 0);
                assertEquals(HealthStatus.HEALTHY, loop.health().status());
                assertTrue(loop.commits() >= 7, "2001 records in batches of at most 300: " + loop.commits());
                assertEquals(2001, h.metric("arcnode_sink_records_out", "replay"));
                assertEquals(0, h.metric("arcnode_sink_lag_records", "replay"));
                assertEquals(0, h.metric("arcnode_sink_breaker_state", "replay"));
                assertEquals(0, h.metric("arcnode_sink_errors", "replay"));
                assertTrue(h.metric("arcnode_sink_write_seconds", "replay") >= 7, "one observation per write");
            }
            assertEquals(2001, SinkHarness.count(t, ""));
            assertEquals(1, SinkHarness.count(t, "time_source = 'gateway' AND asset_id = 'asset_x'"));
            assertEquals("PostgreSQL, " + Timescale.Outcome.NOT_AVAILABLE.detail, h.storage);

            stream.resetGroup("itest-replay", topic);
            try (SinkLoop<Measurement> again = h.loop("replay", "itest-replay", topic, t, 300)) {
                again.start();
                await().atMost(WAIT).until(() -> again.recordsOut() == 2001 && again.lag() == 0);
            }
            assertEquals(2001, SinkHarness.count(t, ""), "the replay of every record wrote nothing new");
        }
    }

    /** The COPY path: each column as written (text, milliseconds before and after 2000, NaN, metadata JSON or NULL), a key twice: once. */
    @Test
    void everyColumnArrivesAsWrittenAndAKeyTwiceInABatchIsOneRow() throws Exception {
        JdbcTarget t = target("columns");
        java.time.Instant device = java.time.Instant.parse("2026-12-01T10:15:30.123Z");
        java.time.Instant gateway = java.time.Instant.parse("1999-12-31T23:59:59.999Z");
        Measurement a = new Measurement("k\u00fchler \u6e29\u5ea6", "temp\tx", Double.NaN, "\u00b0C", Quality.SUSPECT,
                Classification.EVENT, new Timestamps(device, gateway), Map.of("b", "2", "a", "quote \" \\ \n"));
        Measurement b = new Measurement("asset_y", "p", -1.5e-300, "", Quality.GOOD, Classification.TELEMETRY,
                new Timestamps(null, gateway), Map.of());
        Measurement again = new Measurement(a.assetId(), a.parameter(), 99, "x", Quality.BAD, Classification.ALARM,
                a.timestamps(), Map.of());
        try (JdbcTelemetryWriter w = new JdbcTelemetryWriter(t, kind -> { })) {
            w.write(List.of(a, b, again));
        }
        try (Connection c = t.connect(); java.sql.Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT asset_id, parameter, device_time, gateway_time,"
                        + " time_source, value, unit, quality, classification, metadata FROM columns ORDER BY asset_id")) {
            assertTrue(r.next());
            assertEquals("asset_y", r.getString(1));
            assertEquals(gateway, r.getObject(3, java.time.OffsetDateTime.class).toInstant(), "keyed by gateway time");
            assertEquals("gateway", r.getString(5));
            assertEquals(-1.5e-300, r.getDouble(6));
            assertEquals("", r.getString(7));
            assertEquals(null, r.getString(10));
            assertTrue(r.next());
            assertEquals(a.assetId(), r.getString(1));
            assertEquals(a.parameter(), r.getString(2));
            assertEquals(device, r.getObject(3, java.time.OffsetDateTime.class).toInstant());
            assertEquals(gateway, r.getObject(4, java.time.OffsetDateTime.class).toInstant());
            assertEquals("device", r.getString(5));
            assertTrue(Double.isNaN(r.getDouble(6)));
            assertEquals("\u00b0C", r.getString(7));
            assertEquals("SUSPECT", r.getString(8));
            assertEquals("EVENT", r.getString(9));
            assertEquals("{\"a\":\"quote \\\" \\\\ \\n\",\"b\":\"2\"}", r.getString(10));
            assertFalse(r.next(), "the second reading with the same key was skipped");
        }
    }

    @Test
    void poisonRecordsGoToTheDlqAndTheRestIsWritten() throws Exception {
        String topic = "telemetry.itest_poison";
        stream.createTopics(topic, StreamTopics.DLQ_TELEMETRY);
        int dlqBefore = stream.read(StreamTopics.DLQ_TELEMETRY).size();
        List<Measurement> readings = new ArrayList<>(IntStream.range(0, 100).mapToObj(StreamFixture::reading).toList());
        // the database refuses it (value too long for asset_id: SQLSTATE 22001, permanent)
        readings.add(new Measurement("a".repeat(300), "p", 1, "u", Quality.GOOD, Classification.TELEMETRY,
                new Timestamps(StreamFixture.T0, StreamFixture.T0), Map.of()));
        stream.send(topic, readings);
        stream.sendRaw(topic, "garbage", "not avro".getBytes(StandardCharsets.UTF_8));
        JdbcTarget t = target("poison");
        try (SinkHarness h = new SinkHarness(stream);
                SinkLoop<Measurement> loop = h.loop("poison", "itest-poison", topic, t, 500)) {
            loop.start();
            await().atMost(WAIT).until(() -> loop.lag() == 0 && loop.recordsOut() + loop.deadLettered() == 102);
            assertEquals(2, loop.deadLettered());
            assertEquals(100, SinkHarness.count(t, ""));
        }
        List<String> findings = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : stream.read(StreamTopics.DLQ_TELEMETRY).subList(dlqBefore, dlqBefore + 2)) {
            findings.add(new String(r.headers().lastHeader(KafkaDeadLetters.FINDINGS_HEADER).value(), StandardCharsets.UTF_8));
            assertTrue(new String(r.headers().lastHeader(KafkaDeadLetters.SOURCE_HEADER).value(),
                    StandardCharsets.UTF_8).startsWith(topic + "/"));
        }
        findings.sort(null);
        assertTrue(findings.get(0).startsWith("sink_poison: SQLSTATE 22001: "), findings.toString());
        assertTrue(findings.get(1).startsWith("sink_poison: not decodable: "), findings.toString());
    }

    /**
     * Issue 5's reliability test "sink outage": records keep coming while PostgreSQL is down; the breaker opens, the
     * lag grows and nothing is committed; after the restart the table holds every record exactly once (count, sum
     * of the values and the keys match what was produced).
     */
    @Test
    void anOutageUnderLoadLosesAndDoublesNothing() throws Exception {
        String topic = StreamTopics.TELEMETRY_CLEAN;
        stream.createTopics(topic);
        int n = 20_000;
        int half = n / 2;
        // its own server: the test stops it
        PostgresServer server = PostgresServer.start(Path.of("target", "pg-outage-" + System.nanoTime()));
        JdbcTarget t = new JdbcTarget(server.url(), "postgres", null, "outage");
        try (server; SinkHarness h = new SinkHarness(stream);
                SinkLoop<Measurement> loop = h.loop("outage", "itest-outage", topic, t, 500)) {
            loop.start();
            stream.send(topic, IntStream.range(0, half).mapToObj(StreamFixture::reading).toList());
            await().atMost(WAIT).until(() -> loop.recordsOut() >= 1000);

            server.stop(); // mid-way: the sink is still draining the first half
            long writtenAtStop = loop.recordsOut();
            stream.send(topic, IntStream.range(half, n).mapToObj(StreamFixture::reading).toList());
            await().atMost(WAIT).until(() -> loop.breaker().state() == CircuitBreaker.State.OPEN);
            assertEquals(HealthStatus.DEGRADED, loop.health().status());
            assertTrue(loop.health().detail().contains("circuit breaker OPEN"), loop.health().detail());
            long commitsWhileOpen = loop.commits();
            await().atMost(WAIT).until(loop::lag, lag -> lag >= n - writtenAtStop - 500);
            assertTrue(loop.recordsOut() < n, "not everything written before the outage");
            assertEquals(commitsWhileOpen, loop.commits(), "nothing committed while the database is down");
            assertTrue(loop.errors() >= CircuitBreaker.DEFAULT_FAILURE_THRESHOLD);

            server.start();
            await().atMost(WAIT).until(() -> loop.lag() == 0 && loop.breaker().state() == CircuitBreaker.State.CLOSED);
            assertEquals(HealthStatus.HEALTHY, loop.health().status());
            assertEquals(0, loop.deadLettered());

            assertEquals(n, SinkHarness.count(t, ""), "every record exactly once");
            long sum = (long) n * (n - 1) / 2; // values 0..n-1
            assertEquals(sum, SinkHarness.longQuery(t, "SELECT CAST(SUM(value) AS BIGINT) FROM outage"));
            // the keys: device times T0 + i ms, asset_(i % 50)
            assertEquals(sum, SinkHarness.longQuery(t, "SELECT CAST(SUM(EXTRACT(EPOCH FROM device_time - TIMESTAMPTZ "
                    + "'2026-01-29T10:00:00Z') * 1000) AS BIGINT) FROM outage"));
            assertEquals(0, SinkHarness.count(t, "asset_id <> 'asset_' || (CAST(value AS BIGINT) % 50)"));
        }
    }
}
