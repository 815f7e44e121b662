package io.arcnode.gateway.aggregator.internal;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;

/**
 * The aggregator's account on {@code GET /metrics}, read from {@link AggregatorStats} at each scrape:
 * {@code arcnode_aggregator_records_in_total}, {@code arcnode_aggregator_windows_out_total{resolution}},
 * {@code arcnode_aggregator_late_total{resolution}}, {@code arcnode_aggregator_forced_closed_total{resolution}},
 * {@code arcnode_aggregator_skipped_total{reason}}, {@code arcnode_aggregator_transactions_total},
 * {@code arcnode_aggregator_open_windows} and the histogram {@code arcnode_aggregator_emit_latency_seconds{resolution}}
 * (from a window's end, event time, to its emission, wall clock: allowed lateness plus the readings' delay).
 */
final class AggregatorMetrics {

    private final PrometheusRegistry registry;
    private final List<io.prometheus.metrics.model.registry.Collector> collectors;
    private final Histogram latency;

    private AggregatorMetrics(PrometheusRegistry registry, AggregatorStats stats) {
        this.registry = registry;
        CounterWithCallback in = CounterWithCallback.builder().name("arcnode_aggregator_records_in")
                .help("records read from telemetry.clean").callback(cb -> cb.call(stats.recordsIn()))
                .register(registry);
        CounterWithCallback out = CounterWithCallback.builder().name("arcnode_aggregator_windows_out")
                .help("windows closed and written to their topic, per resolution").labelNames("resolution")
                .callback(cb -> {
                    for (Resolution r : Resolution.values()) {
                        cb.call(stats.windowsOut(r), r.label());
                    }
                }).register(registry);
        CounterWithCallback late = CounterWithCallback.builder().name("arcnode_aggregator_late")
                .help("readings later than their window's end plus the allowed lateness, not aggregated")
                .labelNames("resolution").callback(cb -> {
                    for (Resolution r : Resolution.values()) {
                        cb.call(stats.late(r), r.label());
                    }
                }).register(registry);
        CounterWithCallback forced = CounterWithCallback.builder().name("arcnode_aggregator_forced_closed")
                .help("windows closed early because max_open_windows were open").labelNames("resolution")
                .callback(cb -> {
                    for (Resolution r : Resolution.values()) {
                        cb.call(stats.forcedClosed(r), r.label());
                    }
                }).register(registry);
        CounterWithCallback skipped = CounterWithCallback.builder().name("arcnode_aggregator_skipped")
                .help("records of telemetry.clean not aggregated: not_a_measurement, bad_quality, not_telemetry, "
                        + "not_finite").labelNames("reason")
                .callback(cb -> stats.skipped().forEach((reason, n) -> cb.call(n, reason))).register(registry);
        CounterWithCallback tx = CounterWithCallback.builder().name("arcnode_aggregator_transactions")
                .help("Kafka transactions committed (windows, state and offsets together)")
                .callback(cb -> cb.call(stats.transactions())).register(registry);
        GaugeWithCallback open = GaugeWithCallback.builder().name("arcnode_aggregator_open_windows")
                .help("windows open now (bounded by max_open_windows)").callback(cb -> cb.call(stats.openWindows()))
                .register(registry);
        latency = Histogram.builder().name("arcnode_aggregator_emit_latency_seconds")
                .help("from a window's end (event time) to its emission (wall clock), per resolution")
                .labelNames("resolution").classicUpperBounds(0.5, 1, 2, 5, 10, 30, 60, 300, 3600)
                .register(registry);
        stats.latencyTo((r, seconds) -> latency.labelValues(r.label()).observe(seconds));
        collectors = List.of(in, out, late, forced, skipped, tx, open, latency);
    }

    /** Registers the metrics of {@code stats} in {@code registry}. */
    static AggregatorMetrics register(PrometheusRegistry registry, AggregatorStats stats) {
        return new AggregatorMetrics(registry, stats);
    }

    /** Removes the metrics from the registry. */
    void unregister() {
        collectors.forEach(registry::unregister);
    }
}
