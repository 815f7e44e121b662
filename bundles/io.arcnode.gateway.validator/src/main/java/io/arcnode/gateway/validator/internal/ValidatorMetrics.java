package io.arcnode.gateway.validator.internal;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The validator on {@code GET /metrics}: {@code arcnode_validator_records_in_total{topic}},
 * {@code arcnode_validator_records_out_total{topic,quality}}, {@code arcnode_validator_dlq_total{rule}},
 * {@code arcnode_validator_alarms_total{rule}}, {@code arcnode_validator_aborted_transactions_total},
 * {@code arcnode_validator_dlq_reprocessed_total{how}} and the histogram
 * {@code arcnode_validator_latency_seconds} (gateway time to validation).
 */
public final class ValidatorMetrics implements StageListener {

    private final PrometheusRegistry registry;
    private final Counter in;
    private final Counter out;
    private final Counter dlq;
    private final Counter alarms;
    private final Counter aborted;
    private final Counter reprocessed;
    private final Histogram latency;
    private final Gauge lag;

    /** Registers the metrics in {@code registry}. */
    public ValidatorMetrics(PrometheusRegistry registry) {
        this.registry = registry;
        in = Counter.builder().name("arcnode_validator_records_in").help("records the validator read, per raw topic")
                .labelNames("topic").register(registry);
        out = Counter.builder().name("arcnode_validator_records_out")
                .help("records the validator wrote, per topic and quality (APPROVED: approved from the DLQ)")
                .labelNames("topic", "quality").register(registry);
        dlq = Counter.builder().name("arcnode_validator_dlq")
                .help("records sent to the DLQ, per BAD rule (finite, range, duplicate, schema, adapter)")
                .labelNames("rule").register(registry);
        alarms = Counter.builder().name("arcnode_validator_alarms")
                .help("alarms the validator raised on alarms.raw, per rule (gap, clock_skew)").labelNames("rule")
                .register(registry);
        aborted = Counter.builder().name("arcnode_validator_aborted_transactions")
                .help("transactions aborted (their records are read again)").register(registry);
        reprocessed = Counter.builder().name("arcnode_validator_dlq_reprocessed")
                .help("DLQ records sent on to .clean, by how (approved, reprocessed)").labelNames("how")
                .register(registry);
        latency = Histogram.builder().name("arcnode_validator_latency_seconds")
                .help("from a measurement's gateway_time to its validation")
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
                .register(registry);
        lag = Gauge.builder().name("arcnode_validator_consumer_lag_records")
                .help("records of the raw topics the validator has not read yet, after its last poll")
                .labelNames("topic").register(registry);
    }

    @Override
    public void lag(java.util.Map<String, Long> recordsBehind) {
        recordsBehind.forEach((topic, n) -> lag.labelValues(topic).set(n));
    }

    @Override
    public void consumed(String topic) {
        in.labelValues(topic).inc();
    }

    @Override
    public void produced(String topic, String quality) {
        out.labelValues(topic, quality).inc();
    }

    @Override
    public void dlq(String rule) {
        dlq.labelValues(rule).inc();
    }

    @Override
    public void alert(String rule) {
        alarms.labelValues(rule).inc();
    }

    @Override
    public void aborted() {
        aborted.inc();
    }

    @Override
    public void latency(double seconds) {
        latency.observe(seconds);
    }

    @Override
    public void reprocessed(String how) {
        reprocessed.labelValues(how).inc();
    }

    /** Removes the metrics from the registry. */
    public void unregister() {
        registry.unregister(in);
        registry.unregister(out);
        registry.unregister(dlq);
        registry.unregister(alarms);
        registry.unregister(aborted);
        registry.unregister(reprocessed);
        registry.unregister(latency);
        registry.unregister(lag);
    }
}
