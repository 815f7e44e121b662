package io.arcnode.sink.alertrouter.internal;

import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthStatus;
import io.arcnode.sink.api.CircuitBreaker;
import io.arcnode.sink.api.DeadLetters;
import io.arcnode.sink.api.SinkException;
import io.arcnode.sink.api.SinkLoop;
import io.arcnode.stream.api.KafkaClients;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert router: a {@link SinkLoop} on {@code alarms.clean} with an {@link AlertRouterWriter}, plus the digest
 * ticker, which every {@code tick} checks the digest spools on the injected clock and sends each due digest through
 * its own {@link CircuitBreaker} (5 failures, 30 s in the gateway). Plain Java; the component only builds it.
 */
final class AlertRouter implements AutoCloseable {

    static final String GROUP = "arcnode-sink-alertrouter";
    static final String NAME = "alertrouter";

    private static final Logger LOG = LoggerFactory.getLogger(AlertRouter.class);

    private final SinkLoop<AlarmNotice> loop;
    private final List<DigestSpool> spools;
    private final Deliveries deliveries;
    private final CircuitBreaker digestBreaker;
    private final Clock clock;
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong unrouted = new AtomicLong();
    private final AtomicLong digestsSent = new AtomicLong();
    private final ScheduledExecutorService ticker;
    private final long tickMillis;
    private volatile String digestError;

    /**
     * @param topic         {@code alarms.clean} in the gateway
     * @param group         the consumer group, {@value #GROUP} in the gateway
     * @param spoolDir      where the digest spools live ({@code <gateway.data_dir>/sink/alertrouter})
     * @param breaker       the loop's breaker (immediate sends)
     * @param digestBreaker the digests' breaker
     * @param clock         the digests' time (spool windows, due checks)
     * @param tick          how often due digests are looked for
     */
    AlertRouter(String bootstrap, String topic, String group, int batchSize, RoutingTable table, Path spoolDir,
            Deliveries deliveries, DeadLetters deadLetters, CircuitBreaker breaker, CircuitBreaker digestBreaker,
            Clock clock, Duration tick, PrometheusRegistry registry) throws IOException {
        this.deliveries = deliveries;
        this.digestBreaker = digestBreaker;
        this.clock = clock;
        Map<String, DigestSpool> byName = new LinkedHashMap<>();
        for (RoutingTable.Route r : table.routes()) {
            if (r.digest()) {
                byName.put(r.name(), new DigestSpool(spoolDir, r));
            }
        }
        this.spools = List.copyOf(byName.values());
        Map<String, Object> c = SinkLoop.consumerConfig(bootstrap, group, batchSize);
        this.loop = new SinkLoop<>(NAME,
                () -> KafkaClients.create(() -> new KafkaConsumer<>(c, new StringDeserializer(),
                        new ByteArrayDeserializer())),
                List.of(topic), r -> AlarmNotice.decode(r.value()),
                () -> new AlertRouterWriter(table, byName, deliveries, clock, skipped, unrouted),
                deadLetters, breaker, registry);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "arcnode-sink-alertrouter-digest");
            t.setDaemon(true);
            return t;
        });
        this.tickMillis = tick.toMillis();
    }

    void start() {
        loop.start();
        ticker.scheduleWithFixedDelay(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    /** Sends every due digest the breaker lets through. */
    void tick() {
        for (DigestSpool s : spools) {
            if (!s.due(clock.instant())) {
                continue;
            }
            if (!digestBreaker.tryAcquire()) {
                return;
            }
            int n = s.size();
            try {
                s.send(deliveries);
                digestBreaker.onSuccess();
                digestsSent.incrementAndGet();
                digestError = null;
                LOG.info("alert digest {}: {} alarm change(s) sent", s.route().name(), n);
            } catch (SinkException e) {
                digestBreaker.onFailure();
                if (digestError == null) {
                    LOG.warn("alert digest {}: not sent, kept for the next try: {}", s.route().name(), e.getMessage());
                }
                digestError = e.getMessage();
            } catch (RuntimeException e) {
                digestBreaker.onFailure();
                digestError = e.toString();
                LOG.warn("alert digest {}: not sent, kept for the next try", s.route().name(), e);
            }
        }
    }

    SinkLoop<AlarmNotice> loop() {
        return loop;
    }

    CircuitBreaker digestBreaker() {
        return digestBreaker;
    }

    /** @return alarm changes waiting in digests */
    int pending() {
        return spools.stream().mapToInt(DigestSpool::size).sum();
    }

    long digestsSent() {
        return digestsSent.get();
    }

    long skipped() {
        return skipped.get();
    }

    ComponentHealth health() {
        ComponentHealth h = loop.health();
        String detail = h.detail() + "; " + skipped.get() + " change(s) not routed by design, " + unrouted.get()
                + " without route; digests: " + pending() + " pending, " + digestsSent.get() + " sent";
        String err = digestError;
        if (err != null || digestBreaker.state() != CircuitBreaker.State.CLOSED) {
            return new ComponentHealth(h.component(), HealthStatus.DEGRADED, detail + "; digest breaker "
                    + digestBreaker.state() + ": " + err, h.critical());
        }
        return new ComponentHealth(h.component(), h.status(), detail, h.critical());
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        loop.close();
    }
}
