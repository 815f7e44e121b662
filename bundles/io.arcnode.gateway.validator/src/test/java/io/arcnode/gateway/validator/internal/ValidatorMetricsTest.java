package io.arcnode.gateway.validator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.junit.jupiter.api.Test;

class ValidatorMetricsTest {

    private static double counter(MetricSnapshots all, String name, Labels labels) {
        for (MetricSnapshot s : all) {
            if (s.getMetadata().getName().equals(name)) {
                return ((CounterSnapshot) s).getDataPoints().stream().filter(d -> d.getLabels().equals(labels))
                        .mapToDouble(CounterSnapshot.CounterDataPointSnapshot::getValue).sum();
            }
        }
        return -1;
    }

    @Test
    void countsWhatTheStageAndTheDlqTell() {
        PrometheusRegistry registry = new PrometheusRegistry();
        ValidatorMetrics m = new ValidatorMetrics(registry);
        m.consumed("telemetry.raw");
        m.consumed("telemetry.raw");
        m.produced("telemetry.clean", "GOOD");
        m.produced("dlq.telemetry", "BAD");
        m.dlq("range");
        m.alert("clock_skew");
        m.aborted();
        m.reprocessed("approved");
        m.latency(0.02);
        m.latency(3);
        m.lag(java.util.Map.of("telemetry.raw", 7L));
        MetricSnapshots all = registry.scrape();
        assertEquals(2, counter(all, "arcnode_validator_records_in", Labels.of("topic", "telemetry.raw")));
        assertEquals(1, counter(all, "arcnode_validator_records_out", Labels.of("topic", "telemetry.clean",
                "quality", "GOOD")));
        assertEquals(1, counter(all, "arcnode_validator_dlq", Labels.of("rule", "range")));
        assertEquals(1, counter(all, "arcnode_validator_alarms", Labels.of("rule", "clock_skew")));
        assertEquals(1, counter(all, "arcnode_validator_aborted_transactions", Labels.EMPTY));
        assertEquals(1, counter(all, "arcnode_validator_dlq_reprocessed", Labels.of("how", "approved")));
        HistogramSnapshot h = (HistogramSnapshot) all.stream()
                .filter(s -> s.getMetadata().getName().equals("arcnode_validator_latency_seconds")).findFirst()
                .orElseThrow();
        assertEquals(2, h.getDataPoints().get(0).getCount());
        GaugeSnapshot lag = (GaugeSnapshot) all.stream()
                .filter(s -> s.getMetadata().getName().equals("arcnode_validator_consumer_lag_records")).findFirst()
                .orElseThrow();
        assertEquals(7, lag.getDataPoints().get(0).getValue());
        m.unregister();
        assertEquals(0, registry.scrape().size());
    }
}
