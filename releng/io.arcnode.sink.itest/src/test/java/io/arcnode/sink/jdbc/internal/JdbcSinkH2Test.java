package io.arcnode.sink.jdbc.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arcnode.api.telemetry.Measurement;
import io.arcnode.sink.api.SinkLoop;
import io.arcnode.sink.itest.StreamFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default: no {@code url} configured, the sink writes to the H2 file under {@code gateway.data_dir}
 * with the same idempotency (a record that reaches the sink twice, as after a validator restart, is one row).
 */
class JdbcSinkH2Test {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    static Path tmp;
    static StreamFixture stream;

    @BeforeAll
    static void start() {
        stream = new StreamFixture(tmp.resolve("broker"));
    }

    @AfterAll
    static void stop() {
        if (stream != null) {
            stream.close();
        }
    }

    @Test
    void theDefaultH2FileHoldsEveryReadingOnce() throws Exception {
        JdbcSinkSettings s = JdbcSinkSettings.from(Map.of("enabled", true, "table", "telemetry", "batch_size", 100,
                "topics", "telemetry.itest_h2"), tmp.resolve("data").toString(), Optional.empty());
        assertEquals("jdbc:h2:file:" + tmp.resolve("data").toAbsolutePath() + "/sink/telemetry;DB_CLOSE_ON_EXIT=FALSE",
                s.target().url());
        String topic = s.topics().get(0);
        stream.createTopics(topic);
        List<Measurement> readings = new ArrayList<>(IntStream.range(0, 500).mapToObj(StreamFixture::reading).toList());
        readings.addAll(IntStream.range(0, 50).mapToObj(StreamFixture::reading).toList()); // the same 50 again
        stream.send(topic, readings);
        try (SinkHarness h = new SinkHarness(stream);
                SinkLoop<Measurement> loop = h.loop("h2", "itest-h2", topic, s.target(), s.batchSize())) {
            loop.start();
            await().atMost(WAIT).until(() -> loop.recordsOut() == 550 && loop.lag() == 0);
            assertEquals("H2 table", h.storage);
        }
        assertEquals(500, SinkHarness.count(s.target(), ""));
        assertEquals(499L * 500 / 2, SinkHarness.longQuery(s.target(), "SELECT CAST(SUM(\"VALUE\") AS BIGINT) FROM telemetry"));
        try (Connection c = s.target().connect()) {
            assertEquals(0, Migrations.migrate(c, Dialect.H2, "telemetry"), "second start: schema current");
            assertEquals(2, Migrations.current(c, "telemetry_schema_version"));
        }
    }
}
