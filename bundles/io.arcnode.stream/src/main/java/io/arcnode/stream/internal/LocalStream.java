package io.arcnode.stream.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthStatus;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.stream.api.KafkaClients;
import io.arcnode.stream.api.MeasurementPublisher;
import io.arcnode.stream.api.ProducerGate;
import io.arcnode.stream.api.PublishAck;

/**
 * The producer and admin client of the local stream, plus one background loop that creates the topics once the
 * broker answers and then checks every {@link #CHECK_PERIOD_MS} ms that it is still reachable. Plain Java: the DS
 * component {@link StreamComponent} only constructs and closes it.
 */
public final class LocalStream implements MeasurementPublisher, ProducerGate, AutoCloseable {

    /** Component name in the health report. */
    public static final String HEALTH_NAME = "stream";
    static final long CHECK_PERIOD_MS = 5_000;
    private static final long BROKER_TIMEOUT_MS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(LocalStream.class);

    private final StreamSettings settings;
    private final StreamLedger ledger;
    private final BufferedPublisher buffer;
    private final Admin admin;
    private final ScheduledExecutorService loop;
    private volatile boolean topicsReady;
    /** The broker as the last check saw it; {@link #health()} adds the buffer and the gaps. */
    private volatile ComponentHealth broker;
    private volatile HealthStatus logged;

    /** Creates the clients with {@link ProducerConfigs}; {@code producerOverrides} replace single properties. */
    public LocalStream(StreamSettings settings, Map<String, Object> producerOverrides) {
        this.settings = settings;
        this.broker = new ComponentHealth(HEALTH_NAME, HealthStatus.DEGRADED,
                "connecting to broker " + settings.bootstrapServers(), true);
        Map<String, Object> props = ProducerConfigs.producer(settings, "arcnode-stream-producer");
        props.putAll(producerOverrides);
        Producer<String, Measurement> producer = KafkaClients.create(() -> new KafkaProducer<>(props,
                new StringSerializer(), new MeasurementSerializer()));
        this.ledger = new StreamLedger(settings.bufferRecords());
        this.buffer = new BufferedPublisher(producer, ledger);
        this.admin = KafkaClients.create(() -> Admin.create(ProducerConfigs.admin(settings, "arcnode-stream-admin")));
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "arcnode-stream-check");
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(this::check, 0, CHECK_PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletionStage<PublishAck> publish(Measurement m) {
        return buffer.publish(m);
    }

    /**
     * @return broker reachable, topics created and room in the buffer: HEALTHY; otherwise DEGRADED with the reason.
     *         The detail always names the buffered readings and the gaps.
     */
    public ComponentHealth health() {
        return StreamHealth.of(broker, ledger.snapshot(), buffer.blocked());
    }

    @Override
    public void block(String reason) {
        if (buffer.blocked().isEmpty()) {
            LOG.warn("stream: producers blocked: {}", reason);
        }
        buffer.block(reason);
    }

    @Override
    public void unblock() {
        if (buffer.blocked().isPresent()) {
            LOG.info("stream: producers unblocked");
        }
        buffer.unblock();
    }

    @Override
    public Optional<String> blocked() {
        return buffer.blocked();
    }

    /** @return the buffer's account: capacity, in use, sent, acknowledged, gaps */
    public StreamLedger.Snapshot ledger() {
        return ledger.snapshot();
    }

    /** @return whether the topics have been created (or found) */
    public boolean topicsReady() {
        return topicsReady;
    }

    private void check() {
        try {
            if (!topicsReady) {
                List<String> created = TopicCreator.ensure(admin, settings, BROKER_TIMEOUT_MS);
                topicsReady = true;
                LOG.info("stream topics ready ({} created, {} partitions each)", created.size(), settings.partitions());
            }
            int nodes = admin.describeCluster().nodes().get(BROKER_TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
            setHealth(HealthStatus.HEALTHY, "broker " + settings.bootstrapServers() + " reachable, " + nodes + " node(s)");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            setHealth(HealthStatus.DEGRADED, "broker " + settings.bootstrapServers() + " not reachable: "
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                    + "; readings are buffered up to buffer_records");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One log line per change of status (checked every {@link #CHECK_PERIOD_MS} ms), not per check. */
    private void setHealth(HealthStatus status, String detail) {
        broker = new ComponentHealth(HEALTH_NAME, status, detail, true);
        ComponentHealth now = health();
        if (now.status() != logged) {
            logged = now.status();
            LOG.info("stream: {} ({})", now.status(), now.detail());
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
        buffer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }

    /**
     * Kafka loads the class-name defaults of its configs (e.g. {@code sasl.oauthbearer.jwt.retriever.class})
     * through the context class loader: in OSGi that must be the kafka-clients bundle's own loader.
     */
}
