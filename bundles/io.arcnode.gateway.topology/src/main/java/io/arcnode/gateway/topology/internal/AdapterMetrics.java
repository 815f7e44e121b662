package io.arcnode.gateway.topology.internal;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Objects;

/**
 * The adapters' counters on {@code GET /metrics}, read from the {@link AdapterManager} at each scrape:
 * {@code arcnode_adapter_measurements_total{adapter_id}} (handed over by the adapter),
 * {@code arcnode_adapter_measurements_published_total{adapter_id}} (of those, acknowledged by the broker),
 * {@code arcnode_adapter_measurements_gaps_total{adapter_id}} (of those, lost: refused or not delivered by the stream) and
 * {@code arcnode_devices_without_connection}.
 */
final class AdapterMetrics {

    private final PrometheusRegistry registry;
    private final CounterWithCallback received;
    private final CounterWithCallback published;
    private final CounterWithCallback gaps;
    private final GaugeWithCallback bare;

    private AdapterMetrics(PrometheusRegistry registry, AdapterManager adapters) {
        this.registry = registry;
        received = CounterWithCallback.builder().name("arcnode_adapter_measurements")
                .help("measurements handed over by each adapter since its device entered the DTM")
                .labelNames("adapter_id").callback(cb -> adapters.adapters()
                        .forEach(a -> cb.call(a.received(), a.health().adapterId())))
                .register(registry);
        published = CounterWithCallback.builder().name("arcnode_adapter_measurements_published")
                .help("measurements of each adapter the local stream's broker acknowledged")
                .labelNames("adapter_id").callback(cb -> adapters.adapters()
                        .forEach(a -> cb.call(a.published(), a.health().adapterId())))
                .register(registry);
        gaps = CounterWithCallback.builder().name("arcnode_adapter_measurements_gaps")
                .help("measurements of each adapter lost: refused (buffer full) or not delivered by the local stream")
                .labelNames("adapter_id").callback(cb -> adapters.adapters()
                        .forEach(a -> cb.call(a.gaps(), a.health().adapterId())))
                .register(registry);
        bare = GaugeWithCallback.builder().name("arcnode_devices_without_connection")
                .help("devices of the current DTM without connection data (blank host): not polled")
                .callback(cb -> cb.call(adapters.notConnected())).register(registry);
    }

    /** Registers the metrics of {@code adapters} in {@code registry}. */
    static AdapterMetrics register(PrometheusRegistry registry, AdapterManager adapters) {
        return new AdapterMetrics(Objects.requireNonNull(registry, "registry"),
                Objects.requireNonNull(adapters, "adapters"));
    }

    /** Removes the metrics from the registry. */
    void unregister() {
        registry.unregister(received);
        registry.unregister(published);
        registry.unregister(gaps);
        registry.unregister(bare);
    }
}
