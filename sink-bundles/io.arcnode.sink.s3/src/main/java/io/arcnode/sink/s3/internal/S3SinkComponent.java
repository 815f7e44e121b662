package io.arcnode.sink.s3.internal;

import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthContributor;
import io.arcnode.api.health.HealthStatus;
import io.arcnode.config.api.ArcnodeConfig;
import io.arcnode.config.api.StartupFailure;
import io.arcnode.sink.api.CircuitBreaker;
import io.arcnode.sink.api.SinkLoop;
import io.arcnode.stream.api.KafkaClients;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
 * Runs the S3 sink in the gateway: section {@code sink_s3} ({@link S3SinkSettings}), consumer group
 * {@value S3Sink#GROUP} on the local stream, dead letters to the DLQ topics. Health: non-critical component
 * {@code sink_s3}; the {@link SinkLoop}'s metrics on {@code /metrics}. A setting breaking a rule stops startup
 * (exit 78). Thin shell.
 */
@Component(immediate = true, configurationPid = "io.arcnode.sink_s3", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = HealthContributor.class)
public final class S3SinkComponent implements HealthContributor {


    private static final Logger LOG = LoggerFactory.getLogger(S3SinkComponent.class);

    private final SinkLoop<S3Entry> loop;
    private final Producer<String, byte[]> dlq;
    private final String disabled;

    @Activate
    public S3SinkComponent(Map<String, Object> props, @Reference ArcnodeConfig config, BundleContext context) {
        S3SinkSettings s;
        try {
            s = S3SinkSettings.from(props, config.secret(S3SinkSettings.ACCESS_KEY_SECRET),
                    config.secret(S3SinkSettings.SECRET_KEY_SECRET));
        } catch (S3SinkSettings.Invalid e) {
            StartupFailure.stop(context, e.getMessage());
            s = null;
        }
        if (s == null || !s.enabled()) {
            disabled = s == null ? "configuration error" : "disabled (sink_s3.enabled: false)";
            loop = null;
            dlq = null;
            return;
        }
        disabled = null;
        S3SinkSettings settings = s;
        String bootstrap = String.valueOf(config.section("stream").get("bootstrap_servers"));
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, S3Sink.GROUP + "-dlq");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        dlq = KafkaClients.create(() -> new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()));
        loop = S3Sink.create(settings, bootstrap, dlq, new CircuitBreaker(Clock.systemUTC()),
                PrometheusRegistry.defaultRegistry);
        loop.start();
        LOG.info("sink s3: {}", settings);
    }

    @Override
    public ComponentHealth health() {
        SinkLoop<S3Entry> l = loop;
        return l == null ? new ComponentHealth("sink_" + S3Sink.NAME, HealthStatus.HEALTHY, disabled, false) : l.health();
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
