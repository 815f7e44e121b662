package io.arcnode.sink.jdbc.internal;

import io.arcnode.api.telemetry.Measurement;
import io.arcnode.sink.api.CircuitBreaker;
import io.arcnode.sink.api.KafkaDeadLetters;
import io.arcnode.sink.api.SinkLoop;
import io.arcnode.sink.itest.StreamFixture;
import io.arcnode.stream.api.MeasurementAvro;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Builds the JDBC sink exactly as {@link JdbcSinkComponent} does, on a test's stream and database. */
final class SinkHarness implements AutoCloseable {

    final PrometheusRegistry registry = new PrometheusRegistry();
    final Producer<String, byte[]> dlq;
    private final StreamFixture stream;
    volatile String storage;

    SinkHarness(StreamFixture stream) {
        this.stream = stream;
        this.dlq = stream.producer();
    }

    SinkLoop<Measurement> loop(String name, String group, String topic, JdbcTarget target, int batch) {
        Map<String, Object> c = SinkLoop.consumerConfig(stream.bootstrap(), group, batch);
        return new SinkLoop<>(name,
                () -> new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()), List.of(topic),
                r -> MeasurementAvro.decode(r.value()), () -> new JdbcTelemetryWriter(target, s -> storage = s),
                new KafkaDeadLetters(dlq, name), new CircuitBreaker(Clock.systemUTC()), registry);
    }

    /** @return the value of a sink's counter or gauge, or the observation count of a histogram */
    double metric(String name, String sink) {
        for (MetricSnapshot m : registry.scrape()) {
            if (!m.getMetadata().getName().equals(name)) {
                continue;
            }
            for (DataPointSnapshot d : m.getDataPoints()) {
                if (sink.equals(d.getLabels().get("sink"))) {
                    if (d instanceof CounterSnapshot.CounterDataPointSnapshot c) {
                        return c.getValue();
                    }
                    if (d instanceof GaugeSnapshot.GaugeDataPointSnapshot g) {
                        return g.getValue();
                    }
                    if (d instanceof HistogramSnapshot.HistogramDataPointSnapshot hs) {
                        return hs.getCount();
                    }
                }
            }
        }
        throw new AssertionError("no metric " + name + "{sink=" + sink + "}");
    }

    static long count(JdbcTarget target, String where) throws SQLException {
        return longQuery(target, "SELECT COUNT(*) FROM " + target.table() + (where.isEmpty() ? "" : " WHERE " + where));
    }

    static long longQuery(JdbcTarget target, String sql) throws SQLException {
        try (Connection c = target.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        dlq.close();
    }
}
