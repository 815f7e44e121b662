package io.arcnode.gateway.overflow.internal;

import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthContributor;
import io.arcnode.api.health.HealthStatus;
import io.arcnode.config.api.ArcnodeConfig;
import io.arcnode.stream.api.KafkaClients;
import io.arcnode.stream.api.MeasurementPublisher;
import io.arcnode.stream.api.ProducerGate;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link OverflowMonitor} every {@code stream.overflow_check_interval_s} seconds (default 60) against the
 * local stream (PID {@code io.arcnode.stream}), with the budget {@code stream.disk_budget_mb} (default 0: the log
 * volume). Health: component {@code overflow}, critical: HEALTHY below 70 %, DEGRADED up to 95 %, UNHEALTHY while
 * producers are blocked. Metrics: {@code arcnode_overflow_disk_usage_ratio}, {@code arcnode_overflow_tier} (0..4) and
 * {@code arcnode_overflow_evicted_records_total{topic}}. Thin shell.
 */
@Component(immediate = true, configurationPid = "io.arcnode.stream", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = HealthContributor.class)
public final class OverflowComponent implements HealthContributor {

    private static final Logger LOG = LoggerFactory.getLogger(OverflowComponent.class);
    static final long DEFAULT_INTERVAL_S = 60;
    /** A check that failed (broker not up yet) is tried again this soon. */
    static final long RETRY_S = 5;

    private final Admin admin;
    private final OverflowMonitor monitor;
    private final ScheduledExecutorService loop;
    private final GaugeWithCallback ratio;
    private final GaugeWithCallback tierGauge;
    private final CounterWithCallback evicted;
    private volatile OverflowMonitor.Check last;
    private final long interval;
    private volatile String problem;

    @Activate
    public OverflowComponent(Map<String, Object> props, @Reference ArcnodeConfig config,
            @Reference ProducerGate gate, @Reference MeasurementPublisher publisher) {
        long budgetMb = number(props.get("disk_budget_mb"), 0);
        this.interval = number(props.get("overflow_check_interval_s"), DEFAULT_INTERVAL_S);
        String bootstrap = String.valueOf(props.get("bootstrap_servers"));
        this.admin = KafkaClients.create(() -> Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "arcnode-overflow")));
        String gatewayId = String.valueOf(config.section("gateway").get("gateway_id"));
        this.monitor = new OverflowMonitor(new KafkaStreamAdmin(admin, budgetMb * 1024 * 1024), gate,
                m -> publisher.publish(m).whenComplete((ack, e) -> {
                    if (e != null) {
                        LOG.error("overflow: alert not published: {}", e.toString());
                    }
                }), gatewayId, Clock.systemUTC());
        PrometheusRegistry registry = PrometheusRegistry.defaultRegistry;
        ratio = GaugeWithCallback.builder().name("arcnode_overflow_disk_usage_ratio")
                .help("broker disk use against its budget (stream.disk_budget_mb, or the log volume), 0..1")
                .callback(cb -> {
                    OverflowMonitor.Check c = last;
                    if (c != null) {
                        cb.call(c.usage().fraction());
                    }
                }).register(registry);
        tierGauge = GaugeWithCallback.builder().name("arcnode_overflow_tier")
                .help("overflow tier of spec 004: 0 normal, 1 alert, 2 downsample, 3 evict, 4 block")
                .callback(cb -> cb.call(monitor.tier().ordinal())).register(registry);
        evicted = CounterWithCallback.builder().name("arcnode_overflow_evicted_records")
                .help("records deleted from the stream by the overflow tiers, per topic").labelNames("topic")
                .callback(cb -> monitor.evictedTotal().forEach((t, n) -> cb.call(n, t))).register(registry);
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "arcnode-overflow");
            t.setDaemon(true);
            return t;
        });
        loop.schedule(this::check, Math.min(interval, RETRY_S), TimeUnit.SECONDS);
        LOG.info("overflow: checking the broker's disk every {} s against {}", interval,
                budgetMb > 0 ? budgetMb + " MiB" : "its log volume");
    }

    /** One check, then the next one: after the interval, or sooner when this one failed. */
    private void check() {
        long next = interval;
        try {
            last = monitor.check();
            problem = null;
        } catch (Exception e) {
            problem = "cannot measure the broker's disk: " + e;
            LOG.warn("overflow: {}", problem);
            next = Math.min(interval, RETRY_S);
        }
        try {
            loop.schedule(this::check, next, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            // deactivated meanwhile
        }
    }

    private static long number(Object v, long dflt) {
        return v instanceof Number n ? n.longValue() : dflt;
    }

    @Override
    public ComponentHealth health() {
        OverflowMonitor.Check c = last;
        if (c == null) {
            return problem == null
                    ? new ComponentHealth("overflow", HealthStatus.HEALTHY, "first check pending", true)
                    : new ComponentHealth("overflow", HealthStatus.DEGRADED, problem, true);
        }
        HealthStatus status = switch (c.tier()) {
            case NORMAL -> HealthStatus.HEALTHY;
            case ALERT, DOWNSAMPLE, EVICT -> HealthStatus.DEGRADED;
            case BLOCK -> HealthStatus.UNHEALTHY;
        };
        String detail = "broker disk " + c.usage().describe() + ", tier " + c.tier()
                + (problem != null ? "; last check failed: " + problem : "");
        return new ComponentHealth("overflow", problem != null && status == HealthStatus.HEALTHY
                ? HealthStatus.DEGRADED : status, detail, true);
    }

    @Deactivate
    void deactivate() {
        loop.shutdownNow();
        PrometheusRegistry.defaultRegistry.unregister(ratio);
        PrometheusRegistry.defaultRegistry.unregister(tierGauge);
        PrometheusRegistry.defaultRegistry.unregister(evicted);
        admin.close(Duration.ofSeconds(5));
    }
}
