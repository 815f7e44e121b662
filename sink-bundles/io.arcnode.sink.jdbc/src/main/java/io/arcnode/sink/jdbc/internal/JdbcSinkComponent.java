package io.arcnode.sink.jdbc.internal;

import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthContributor;
import io.arcnode.api.health.HealthStatus;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.config.api.ArcnodeConfig;
import io.arcnode.config.api.StartupFailure;
import io.arcnode.sink.api.CircuitBreaker;
import io.arcnode.sink.api.KafkaDeadLetters;
import io.arcnode.sink.api.SinkLoop;
import io.arcnode.stream.api.KafkaClients;
import io.arcnode.stream.api.MeasurementAvro;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
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
 * Runs the JDBC sink in the gateway: section {@code sink_jdbc} ({@link JdbcSinkSettings}), the local stream of
 * {@code stream.bootstrap_servers}, consumer group {@value #GROUP}, dead letters to the DLQ topics. Health:
 * non-critical component {@code sink_jdbc}; metrics of the {@link SinkLoop} on {@code /metrics}. A setting breaking
 * a rule stops startup (exit 78). Thin shell.
 */
@Component(immediate = true, configurationPid = "io.arcnode.sink_jdbc", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = HealthContributor.class)
public final class JdbcSinkComponent implements HealthContributor {

    /** The sink's consumer group. */
    static final String GROUP = "arcnode-sink-jdbc";
    /** The sink's name (health {@code sink_jdbc}, metrics label). */
    static final String NAME = "jdbc";

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSinkComponent.class);

    private final SinkLoop<Measurement> loop;
    private final Producer<String, byte[]> dlq;
    private final String disabled;
    private volatile String storage = "not connected yet";

    @Activate
    public JdbcSinkComponent(Map<String, Object> props, @Reference ArcnodeConfig config, BundleContext context) {
        JdbcSinkSettings s;
        try {
            s = JdbcSinkSettings.from(props, String.valueOf(config.section("gateway").get("data_dir")),
                    config.secret(JdbcSinkSettings.PASSWORD_SECRET));
        } catch (JdbcSinkSettings.Invalid e) {
            StartupFailure.stop(context, e.getMessage());
            s = null;
        }
        if (s == null || !s.enabled()) {
            disabled = s == null ? "configuration error" : "disabled (sink_jdbc.enabled: false)";
            loop = null;
            dlq = null;
            return;
        }
        disabled = null;
        JdbcSinkSettings settings = s;
        String bootstrap = String.valueOf(config.section("stream").get("bootstrap_servers"));
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, GROUP + "-dlq");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        dlq = KafkaClients.create(() -> new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()));
        Map<String, Object> c = SinkLoop.consumerConfig(bootstrap, GROUP, settings.batchSize());
        loop = new SinkLoop<>(NAME,
                () -> KafkaClients.create(() -> new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())),
                settings.topics(), r -> MeasurementAvro.decode(r.value()),
                () -> new JdbcTelemetryWriter(settings.target(), kind -> storage = kind),
                new KafkaDeadLetters(dlq, NAME), new CircuitBreaker(Clock.systemUTC()),
                PrometheusRegistry.defaultRegistry);
        loop.start();
        LOG.info("sink jdbc: {} -> {}", settings.topics(), settings.target());
    }

    @Override
    public ComponentHealth health() {
        SinkLoop<Measurement> l = loop;
        if (l == null) {
            return new ComponentHealth("sink_" + NAME, HealthStatus.HEALTHY, disabled, false);
        }
        ComponentHealth h = l.health();
        return new ComponentHealth(h.component(), h.status(), h.detail() + "; " + storage, h.critical());
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
