package io.arcnode.sink.alertrouter.internal;

import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthContributor;
import io.arcnode.api.health.HealthStatus;
import io.arcnode.config.api.ArcnodeConfig;
import io.arcnode.config.api.ProductRoot;
import io.arcnode.config.api.StartupFailure;
import io.arcnode.sink.api.CircuitBreaker;
import io.arcnode.sink.api.KafkaDeadLetters;
import io.arcnode.stream.api.KafkaClients;
import io.arcnode.stream.api.StreamTopics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
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
 * Runs the alert router in the gateway: section {@code sink_alertrouter} ({@link AlertRouterSettings}), mail as the
 * {@code email} section says (smtp or outbox), consumer group {@value AlertRouter#GROUP} on {@code alarms.clean},
 * undecodable records and permanently refused notices to {@code dlq.events}. Health: non-critical component
 * {@code sink_alertrouter}. A setting or routes file breaking a rule stops startup (exit 78). Thin shell.
 */
@Component(immediate = true, configurationPid = "io.arcnode.sink_alertrouter",
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = HealthContributor.class)
public final class AlertRouterComponent implements HealthContributor {

    private static final Logger LOG = LoggerFactory.getLogger(AlertRouterComponent.class);

    private final AlertRouter router;
    private final Producer<String, byte[]> dlq;
    private final String disabled;

    @Activate
    public AlertRouterComponent(Map<String, Object> props, @Reference ArcnodeConfig config, BundleContext context) {
        AlertRouterSettings s;
        try {
            s = AlertRouterSettings.from(props, String.valueOf(config.section("gateway").get("data_dir")),
                    f -> ProductRoot.resolve(context.getProperty(ProductRoot.INSTALL_AREA), f));
        } catch (AlertRouterSettings.Invalid e) {
            StartupFailure.stop(context, e.getMessage());
            s = null;
        }
        if (s == null || !s.enabled()) {
            disabled = s == null ? "configuration error" : "disabled (sink_alertrouter.enabled: false)";
            router = null;
            dlq = null;
            return;
        }
        Map<String, Object> email = config.section("email");
        String from = String.valueOf(email.get("from"));
        Transports transports = "smtp".equals(email.get("mode"))
                ? Transports.smtp(from, String.valueOf(email.get("smtp_host")), ((Number) email.get("smtp_port")).intValue())
                : Transports.outbox(from, ProductRoot.resolve(context.getProperty(ProductRoot.INSTALL_AREA),
                        String.valueOf(email.get("outbox_dir"))));
        String bootstrap = String.valueOf(config.section("stream").get("bootstrap_servers"));
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, AlertRouter.GROUP + "-dlq");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        Producer<String, byte[]> producer = KafkaClients.create(() -> new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer()));
        AlertRouter r;
        try {
            r = new AlertRouter(bootstrap, StreamTopics.ALARMS_CLEAN, AlertRouter.GROUP, s.batchSize(), s.table(), s.spoolDir(), transports,
                    new KafkaDeadLetters(producer, AlertRouter.NAME), new CircuitBreaker(Clock.systemUTC()),
                    new CircuitBreaker(Clock.systemUTC()), Clock.systemUTC(), Duration.ofSeconds(1),
                    PrometheusRegistry.defaultRegistry);
        } catch (IOException e) {
            producer.close();
            StartupFailure.stop(context, "alert router digest spool in " + s.spoolDir() + " not readable: "
                    + e.getMessage());
            disabled = "digest spool not readable";
            router = null;
            dlq = null;
            return;
        }
        disabled = null;
        dlq = producer;
        router = r;
        router.start();
        LOG.info("sink alertrouter: {} route(s), mail {}", s.table().routes().size(), email.get("mode"));
    }

    @Override
    public ComponentHealth health() {
        AlertRouter r = router;
        return r == null ? new ComponentHealth("sink_" + AlertRouter.NAME, HealthStatus.HEALTHY, disabled, false)
                : r.health();
    }

    @Deactivate
    void deactivate() {
        if (router != null) {
            router.close();
        }
        if (dlq != null) {
            dlq.close();
        }
    }
}
