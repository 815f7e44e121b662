package io.arcnode.sink.internal;

import io.arcnode.sink.api.SinkLoop;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The sinks' metrics in one registry, shared by every {@link SinkLoop} of it (a metric name is registered once per
 * registry; each sink is a {@code sink} label). Counters and gauges are read from the live loops at each scrape.
 */
public final class SinkMetrics {

    private static final Map<PrometheusRegistry, SinkMetrics> BY_REGISTRY = new HashMap<>();

    private final PrometheusRegistry registry;
    private final Map<String, SinkLoop<?>> loops = new ConcurrentHashMap<>();
    private final Histogram writeSeconds;

    private SinkMetrics(PrometheusRegistry registry) {
        this.registry = registry;
        counter("arcnode_sink_records_in", "records polled and handed to the sink's writer (retries count again)",
                SinkLoop::recordsIn);
        counter("arcnode_sink_records_out", "records written downstream and committed", SinkLoop::recordsOut);
        counter("arcnode_sink_dead_letters", "poison records sent to the dead-letter topic", SinkLoop::deadLettered);
        counter("arcnode_sink_errors", "failed downstream writes", SinkLoop::errors);
        gauge("arcnode_sink_lag_records", "records behind: end offsets - committed offsets", SinkLoop::lag);
        gauge("arcnode_sink_breaker_state", "circuit breaker: 0 closed, 1 half-open, 2 open",
                l -> l.breaker().state().ordinal());
        writeSeconds = Histogram.builder().name("arcnode_sink_write_seconds")
                .help("duration of one downstream write (a batch)").labelNames("sink")
                .classicOnly().classicUpperBounds(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
                .register(registry);
    }

    private void counter(String metric, String help, ToDoubleFunction<SinkLoop<?>> value) {
        CounterWithCallback.builder().name(metric).help(help).labelNames("sink")
                .callback(cb -> loops.forEach((n, l) -> cb.call(value.applyAsDouble(l), n))).register(registry);
    }

    private void gauge(String metric, String help, ToDoubleFunction<SinkLoop<?>> value) {
        GaugeWithCallback.builder().name(metric).help(help).labelNames("sink")
                .callback(cb -> loops.forEach((n, l) -> cb.call(value.applyAsDouble(l), n))).register(registry);
    }

    /** @return the registry's sink metrics, now including {@code loop} (replacing a loop of the same name) */
    public static SinkMetrics attach(PrometheusRegistry registry, SinkLoop<?> loop) {
        SinkMetrics m;
        synchronized (BY_REGISTRY) {
            m = BY_REGISTRY.computeIfAbsent(registry, SinkMetrics::new);
        }
        m.loops.put(loop.name(), loop);
        return m;
    }

    /** Removes {@code loop}'s series. */
    public void detach(SinkLoop<?> loop) {
        if (loops.remove(loop.name(), loop)) {
            writeSeconds.remove(loop.name());
        }
    }

    /** Records one write's duration. */
    public void observeWrite(String sink, double seconds) {
        writeSeconds.labelValues(sink).observe(seconds);
    }
}
