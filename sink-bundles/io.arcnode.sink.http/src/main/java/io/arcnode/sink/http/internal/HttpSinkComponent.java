package io.arcnode.sink.http.internal;

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
 * Runs the HTTP sink in the gateway: section {@code sink_http} ({@link HttpSinkSettings}), the local stream of
 * {@code stream.bootstrap_servers}, consumer group {@value #GROUP}, {@link HttpBatchWriter}, dead letters to the
 * local DLQ topics. Health: non-critical component {@code sink_http}; metrics of the {@link SinkLoop} on
 * {@code /metrics}. A setting breaking a rule stops startup (exit 78). Thin shell.
 */
@Component(immediate = true, configurationPid = "io.arcnode.sink_http", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = HealthContributor.class)
public final class HttpSinkComponent implements HealthContributor {

    /** The sink's consumer group. */
    static final String GROUP = "arcnode-sink-http";
    /** The sink's name (health {@code sink_http}, metrics label). */
    static final String NAME = "http";

    private static final Logger LOG = LoggerFactory.getLogger(HttpSinkComponent.class);

    private final SinkLoop<HttpRecord> loop;
    private final Producer<String, byte[]> dlq;
    private final String disabled;

    @Activate
    public HttpSinkComponent(Map<String, Object> props, @Reference ArcnodeConfig config, BundleContext context) {
        HttpSinkSettings s;
        try {
            s = HttpSinkSettings.from(props, String.valueOf(config.section("gateway").get("gateway_id")),
                    config::secret);
        } catch (HttpSinkSettings.Invalid e) {
            StartupFailure.stop(context, e.getMessage());
            s = null;
        }
        if (s == null || !s.enabled()) {
            disabled = s == null ? "configuration error" : "disabled (sink_http.enabled: false)";
            loop = null;
            dlq = null;
            return;
        }
        disabled = null;
        HttpSinkSettings settings = s;
        String bootstrap = String.valueOf(config.section("stream").get("bootstrap_servers"));
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, GROUP + "-dlq");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        dlq = KafkaClients.create(() -> new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()));
        loop = create(settings, bootstrap, GROUP, new KafkaDeadLetters(dlq, NAME), new CircuitBreaker(Clock.systemUTC()),
                Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), PrometheusRegistry.defaultRegistry);
        loop.start();
        LOG.info("sink http: {} -> {}", settings.topics(), settings);
    }

    /** The sink's loop (also what the integration tests run). */
    static SinkLoop<HttpRecord> create(HttpSinkSettings settings, String localBootstrap, String group,
            KafkaDeadLetters deadLetters, CircuitBreaker breaker, Clock clock, HttpBatchWriter.Sleeper sleeper,
            PrometheusRegistry registry) {
        Map<String, Object> c = SinkLoop.consumerConfig(localBootstrap, group, settings.batchSize());
        return new SinkLoop<>(NAME,
                () -> KafkaClients.create(() -> new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())),
                settings.topics(), r -> HttpRecord.of(settings.gatewayId(), r),
                () -> new HttpBatchWriter(settings, clock, sleeper), deadLetters, breaker, registry);
    }

    @Override
    public ComponentHealth health() {
        SinkLoop<HttpRecord> l = loop;
        if (l == null) {
            return new ComponentHealth("sink_" + NAME, HealthStatus.HEALTHY, disabled, false);
        }
        return l.health();
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
