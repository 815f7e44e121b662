package io.arcnode.stream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

class StreamMetricsTest {

    @Test
    void sentAckedGapsAndBufferAreScrapedFromTheLedgerAndUnregistered() {
        StreamLedger ledger = new StreamLedger(2);
        ledger.reserve("adapter_a", "telemetry.raw");
        ledger.sent("telemetry.raw");
        ledger.acked("telemetry.raw");
        ledger.reserve("adapter_a", "telemetry.raw");
        ledger.sent("telemetry.raw");
        ledger.failed("adapter_a", "telemetry.raw", new IllegalStateException("x"));
        ledger.reserve("adapter_b", "alarms.raw");
        ledger.reserve("adapter_b", "alarms.raw");
        ledger.reserve("adapter_b", "alarms.raw");
        PrometheusRegistry registry = new PrometheusRegistry();
        StreamMetrics metrics = StreamMetrics.register(registry, ledger::snapshot);

        assertEquals(2, value(registry, "arcnode_stream_sent", "telemetry.raw"));
        assertEquals(1, value(registry, "arcnode_stream_acked", "telemetry.raw"));
        assertEquals(1, value(registry, "arcnode_stream_gap", "adapter_a", "delivery_failed", "telemetry.raw"));
        assertEquals(1, value(registry, "arcnode_stream_gap", "adapter_b", "buffer_full", "alarms.raw"));
        assertEquals(2, value(registry, "arcnode_stream_buffer_records"));
        assertEquals(2, value(registry, "arcnode_stream_buffer_capacity_records"));
        assertEquals(List.of("arcnode_stream_acked", "arcnode_stream_buffer_capacity_records",
                "arcnode_stream_buffer_records", "arcnode_stream_gap", "arcnode_stream_sent"), names(registry));

        metrics.unregister();
        assertEquals(List.of(), names(registry));
    }

    /** @return the value of the data point of {@code metric} with exactly these label values (sorted by label name) */
    private static double value(PrometheusRegistry registry, String metric, String... labelValues) {
        MetricSnapshot s = registry.scrape().stream().filter(m -> m.getMetadata().getName().equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + metric));
        for (DataPointSnapshot d : s.getDataPoints()) {
            List<String> values = new ArrayList<>();
            d.getLabels().forEach(l -> values.add(l.getValue()));
            if (values.equals(List.of(labelValues))) {
                return d instanceof CounterDataPointSnapshot c ? c.getValue() : ((GaugeDataPointSnapshot) d).getValue();
            }
        }
        throw new AssertionError(metric + ": no data point " + List.of(labelValues) + " in " + s.getDataPoints());
    }

    private static List<String> names(PrometheusRegistry registry) {
        return registry.scrape().stream().map(m -> m.getMetadata().getName()).sorted().toList();
    }
}
