package io.arcnode.gateway.alarms.internal;

import io.arcnode.api.telemetry.AlarmState;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The alarms on {@code GET /metrics}: {@code arcnode_alarms_open{severity, state}} (ACTIVE, ACKNOWLEDGED and
 * SUPPRESSED alarms now), {@code arcnode_alarm_transitions_total{event}} (committed changes since start: raised,
 * condition_cleared, condition_returned, ack, suppress, unsuppress) and
 * {@code arcnode_alarms_undecodable_total} (input records that were not measurements).
 */
final class AlarmMetrics implements AlarmStage.Listener {

    private final PrometheusRegistry registry;
    private final Map<String, LongAdder> transitions = new ConcurrentHashMap<>();
    private final LongAdder undecodable = new LongAdder();
    private GaugeWithCallback open;
    private CounterWithCallback changes;
    private CounterWithCallback bad;

    AlarmMetrics(PrometheusRegistry registry) {
        this.registry = registry;
    }

    /** Counts the committed versions by their last transition. */
    @Override
    public void committed(List<Alarm> versions) {
        versions.forEach(a -> transitions.computeIfAbsent(a.last().event(), k -> new LongAdder()).increment());
    }

    @Override
    public void undecodable() {
        undecodable.increment();
    }

    /** @return the committed transitions by event so far */
    Map<String, Long> transitions() {
        Map<String, Long> out = new java.util.TreeMap<>();
        transitions.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Registers the metrics, reading the open alarms from {@code engine} (null: none yet) at each scrape. */
    AlarmMetrics register(Supplier<AlarmEngine> engine) {
        open = GaugeWithCallback.builder().name("arcnode_alarms_open")
                .help("open alarms (ACTIVE, ACKNOWLEDGED, SUPPRESSED) by severity and state")
                .labelNames("severity", "state").callback(cb -> {
                    AlarmEngine e = engine.get();
                    if (e == null) {
                        return;
                    }
                    e.counts().forEach((sev, byState) -> byState.forEach((st, n) -> {
                        if (st != AlarmState.CLEARED) {
                            cb.call(n, sev.name(), st.json());
                        }
                    }));
                }).register(registry);
        changes = CounterWithCallback.builder().name("arcnode_alarm_transitions")
                .help("alarm changes published to alarms.clean since start, by event").labelNames("event")
                .callback(cb -> transitions.forEach((k, v) -> cb.call(v.sum(), k))).register(registry);
        bad = CounterWithCallback.builder().name("arcnode_alarms_undecodable")
                .help("records of telemetry.clean / alarms.raw that were not measurements (logged, skipped)")
                .callback(cb -> cb.call(undecodable.sum())).register(registry);
        return this;
    }

    /** Removes the metrics from the registry. */
    void unregister() {
        if (open != null) {
            registry.unregister(open);
            registry.unregister(changes);
            registry.unregister(bad);
        }
    }
}
