package io.arcnode.stream.internal;

import java.util.Objects;
import java.util.function.Supplier;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The stream's account on {@code GET /metrics}, read from the {@link StreamLedger} at each scrape:
 * {@code arcnode_stream_sent_total{topic}}, {@code arcnode_stream_acked_total{topic}},
 * {@code arcnode_stream_gap_total{adapter_id,topic,reason}}, {@code arcnode_stream_buffer_records} and
 * {@code arcnode_stream_buffer_capacity_records}.
 */
final class StreamMetrics {

    private final PrometheusRegistry registry;
    private final CounterWithCallback sent;
    private final CounterWithCallback acked;
    private final CounterWithCallback gaps;
    private final GaugeWithCallback inUse;
    private final GaugeWithCallback capacity;

    private StreamMetrics(PrometheusRegistry registry, Supplier<StreamLedger.Snapshot> ledger) {
        this.registry = registry;
        sent = CounterWithCallback.builder().name("arcnode_stream_sent")
                .help("readings handed to the Kafka producer, per topic").labelNames("topic")
                .callback(cb -> ledger.get().sent().forEach((t, n) -> cb.call(n, t))).register(registry);
        acked = CounterWithCallback.builder().name("arcnode_stream_acked")
                .help("readings the broker acknowledged (acks=all), per topic").labelNames("topic")
                .callback(cb -> ledger.get().acked().forEach((t, n) -> cb.call(n, t))).register(registry);
        gaps = CounterWithCallback.builder().name("arcnode_stream_gap")
                .help("readings lost: refused with the buffer full (buffer_full) or not delivered (delivery_failed)")
                .labelNames("adapter_id", "topic", "reason")
                .callback(cb -> ledger.get().gaps().forEach((k, n) -> cb.call(n, k.adapterId(), k.topic(),
                        k.reason().label()))).register(registry);
        inUse = GaugeWithCallback.builder().name("arcnode_stream_buffer_records")
                .help("readings handed to the stream and not yet acknowledged by the broker")
                .callback(cb -> cb.call(ledger.get().inUse())).register(registry);
        capacity = GaugeWithCallback.builder().name("arcnode_stream_buffer_capacity_records")
                .help("readings the stream buffers at most (stream.buffer_records); beyond them readings are gaps")
                .callback(cb -> cb.call(ledger.get().capacity())).register(registry);
    }

    /** Registers the metrics of {@code ledger} in {@code registry}. */
    static StreamMetrics register(PrometheusRegistry registry, Supplier<StreamLedger.Snapshot> ledger) {
        return new StreamMetrics(Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(ledger, "ledger"));
    }

    /** Removes the metrics from the registry. */
    void unregister() {
        registry.unregister(sent);
        registry.unregister(acked);
        registry.unregister(gaps);
        registry.unregister(inUse);
        registry.unregister(capacity);
    }
}
