package io.arcnode.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

class PrometheusTextTest {

    @Test
    void counterGaugeAndHistogramInTextFormat() {
        PrometheusRegistry registry = new PrometheusRegistry();
        Counter records = Counter.builder().name("arcnode_records").help("records \"in\"").labelNames("topic")
                .register(registry);
        records.labelValues("telemetry.raw").inc(3);
        Gauge lag = Gauge.builder().name("arcnode_lag").help("lag").register(registry);
        lag.set(1.5);
        Histogram h = Histogram.builder().name("arcnode_write_seconds").help("write time")
                .classicUpperBounds(0.1, 1.0).register(registry);
        h.observe(0.05);
        h.observe(0.5);
        h.observe(5);

        String text = PrometheusText.write(registry.scrape());

        assertTrue(text.contains("# TYPE arcnode_records_total counter\n"), text);
        assertTrue(text.contains("arcnode_records_total{topic=\"telemetry.raw\"} 3\n"), text);
        assertTrue(text.contains("# HELP arcnode_records_total records \"in\"\n"), text);
        assertTrue(text.contains("arcnode_lag 1.5\n"), text);
        assertTrue(text.contains("arcnode_write_seconds_bucket{le=\"0.1\"} 1\n"), text);
        assertTrue(text.contains("arcnode_write_seconds_bucket{le=\"1\"} 2\n"), text);
        assertTrue(text.contains("arcnode_write_seconds_bucket{le=\"+Inf\"} 3\n"), text);
        assertTrue(text.contains("arcnode_write_seconds_count 3\n"), text);
        assertTrue(text.contains("arcnode_write_seconds_sum 5.55\n"), text);
    }

    @Test
    void labelValuesAreEscaped() {
        PrometheusRegistry registry = new PrometheusRegistry();
        Gauge g = Gauge.builder().name("x").labelNames("path").register(registry);
        g.labelValues("a\"b\\c\nd").set(2);
        assertEquals("# TYPE x gauge\nx{path=\"a\\\"b\\\\c\\nd\"} 2\n", PrometheusText.write(registry.scrape()));
    }
}
