package io.arcnode.sink.kafka.internal;

import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthContributor;
import io.arcnode.api.health.HealthStatus;
import io.arcnode.config.api.ArcnodeConfig;
import io.arcnode.config.api.StartupFailure;
import io.arcnode.sink.api.CircuitBreaker;
import io.arcnode.sink.api.KafkaDeadLetters;
import io.arcnode.sink.api.SinkLoop;
import io.arcnode.stream.api.KafkaClients;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Kafka replication sink in the gateway: section {@code sink_kafka} ({@link KafkaSinkSettings}), the local
 * stream of {@code stream.bootstrap_servers}, consumer group {@value #GROUP}, {@link ReplicationWriter} to the
 * target cluster, dead letters to the local DLQ topics. Health: non-critical component {@code sink_kafka}; metrics
 * of the {@link SinkLoop} on {@code /metrics}. A setting breaking a rule stops startup (exit 78). Thin shell.
 */
@Component(immediate = true, configurationPid = "io.arcnode.sink_kafka", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = HealthContributor.class)
public final class KafkaSinkComponent implements HealthContributor {

    /** The sink's consumer group. */
    static final String GROUP = "arcnode-sink-kafka";
    /** The sink's name (health {@code sink_kafka}, metrics label). */
    static final String NAME = "kafka";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSinkComponent.class);

    private final SinkLoop<ConsumerRecord<String, byte[]>> loop;
    private final Producer<String, byte[]> dlq;
    private final String disabled;
    private final AtomicLong skipped = new AtomicLong();

    @Activate
    public KafkaSinkComponent(Map<String, Object> props, @Reference ArcnodeConfig config, BundleContext context) {
        KafkaSinkSettings s;
        try {
            s = KafkaSinkSettings.from(props, String.valueOf(config.section("gateway").get("gateway_id")),
                    config::secret);
        } catch (KafkaSinkSettings.Invalid e) {
            StartupFailure.stop(context, e.getMessage());
            s = null;
        }
        if (s == null || !s.enabled()) {
            disabled = s == null ? "configuration error" : "disabled (sink_kafka.enabled: false)";
            loop = null;
            dlq = null;
            return;
        }
        disabled = null;
        KafkaSinkSettings settings = s;
        String bootstrap = String.valueOf(config.section("stream").get("bootstrap_servers"));
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, GROUP + "-dlq");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        dlq = KafkaClients.create(() -> new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()));
        loop = create(settings, bootstrap, GROUP, new KafkaDeadLetters(dlq, NAME),
                new CircuitBreaker(Clock.systemUTC()), PrometheusRegistry.defaultRegistry, skipped);
        loop.start();
        LOG.info("sink kafka: {} -> {}", settings.topics(), settings.bootstrap());
    }

    /** The sink's loop (also what the integration tests run): the local records as they are, to the target. */
    static SinkLoop<ConsumerRecord<String, byte[]>> create(KafkaSinkSettings settings, String localBootstrap,
            String group, KafkaDeadLetters deadLetters, CircuitBreaker breaker, PrometheusRegistry registry,
            AtomicLong skipped) {
        Map<String, Object> c = SinkLoop.consumerConfig(localBootstrap, group, settings.batchSize());
        return new SinkLoop<>(NAME,
                () -> KafkaClients.create(() -> new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())),
                settings.topics(), r -> r, () -> new ReplicationWriter(settings, skipped), deadLetters, breaker,
                registry);
    }

    @Override
    public ComponentHealth health() {
        SinkLoop<ConsumerRecord<String, byte[]>> l = loop;
        if (l == null) {
            return new ComponentHealth("sink_" + NAME, HealthStatus.HEALTHY, disabled, false);
        }
        ComponentHealth h = l.health();
        return new ComponentHealth(h.component(), h.status(), h.detail() + "; " + skipped.get()
                + " skipped as already in the target", h.critical());
    }

    @Deactivate
    void deactivate() {
        if (loop != null) {
            loop.close();
        }
        if (dlq != null) {
            dlq.close();
        }
    }
}
