package io.arcnode.gateway.aggregator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregatorMetricsTest {

    private static final Instant T0 = Instant.parse("2026-01-29T10:00:00Z");

    @Test
    void theAccountIsScrapedAndUnregistered() {
        AggregatorStats stats = new AggregatorStats(Clock.fixed(T0, ZoneOffset.UTC));
        PrometheusRegistry registry = new PrometheusRegistry();
        AggregatorMetrics metrics = AggregatorMetrics.register(registry, stats);
        Windowing w = new Windowing(new AggregatorSettings(List.of(new Pipeline("*", "*",
                EnumSet.of(Resolution.SECOND))), Duration.ZERO, 10, Duration.ZERO), stats);
        w.add(0, reading(100, Quality.GOOD));
        w.add(0, reading(1500, Quality.GOOD)).forEach(c -> stats.out(c.resolution(), c.forced(), 2500));
        w.add(0, reading(200, Quality.GOOD));
        w.add(0, reading(1600, Quality.BAD));
        stats.committed();

        assertEquals(4, value(registry, "arcnode_aggregator_records_in"));
        assertEquals(1, value(registry, "arcnode_aggregator_windows_out", "1s"));
        assertEquals(0, value(registry, "arcnode_aggregator_windows_out", "1h"));
        assertEquals(1, value(registry, "arcnode_aggregator_late", "1s"));
        assertEquals(0, value(registry, "arcnode_aggregator_forced_closed", "1s"));
        assertEquals(1, value(registry, "arcnode_aggregator_skipped", "bad_quality"));
        assertEquals(1, value(registry, "arcnode_aggregator_transactions"));
        assertEquals(1, value(registry, "arcnode_aggregator_open_windows"));
        HistogramDataPointSnapshot h = (HistogramDataPointSnapshot) point(registry,
                "arcnode_aggregator_emit_latency_seconds", "1s");
        assertEquals(1, h.getCount());
        assertEquals(2.5, h.getSum());

        metrics.unregister();
        assertEquals(List.of(), registry.scrape().stream().map(m -> m.getMetadata().getName()).toList());
    }

    private static Measurement reading(long ms, Quality q) {
        Instant t = T0.plusMillis(ms);
        return new Measurement("a", "p", 1, "", q, Classification.TELEMETRY, new Timestamps(t, t), Map.of());
    }

    private static double value(PrometheusRegistry registry, String metric, String... labelValues) {
        DataPointSnapshot d = point(registry, metric, labelValues);
        return d instanceof CounterDataPointSnapshot c ? c.getValue() : ((GaugeDataPointSnapshot) d).getValue();
    }

    private static DataPointSnapshot point(PrometheusRegistry registry, String metric, String... labelValues) {
        MetricSnapshot s = registry.scrape().stream().filter(m -> m.getMetadata().getName().equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + metric));
        for (DataPointSnapshot d : s.getDataPoints()) {
            List<String> values = new java.util.ArrayList<>();
            d.getLabels().forEach(l -> values.add(l.getValue()));
            if (values.equals(List.of(labelValues))) {
                return d;
            }
        }
        throw new AssertionError("no data point " + List.of(labelValues) + " of " + metric);
    }
}
