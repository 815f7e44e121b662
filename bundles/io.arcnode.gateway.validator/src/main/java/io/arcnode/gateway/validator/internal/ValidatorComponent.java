package io.arcnode.gateway.validator.internal;

import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthContributor;
import io.arcnode.api.health.HealthStatus;
import io.arcnode.config.api.ArcnodeConfig;
import io.arcnode.config.api.ProductRoot;
import io.arcnode.config.api.StartupFailure;
import io.arcnode.http.api.ServiceRegistrations;
import io.arcnode.stream.api.KafkaClients;
import io.arcnode.stream.api.StageRestarts;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
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
 * Runs the {@link ValidatorStage} in the gateway on the local stream ({@code stream.bootstrap_servers}, PID
 * {@code io.arcnode.stream}), in its own thread; a stage that ends with an error (broker away) is started again
 * after a backoff (1 s doubling to 30 s). Health: non-critical component {@code validator}. The rules come from the
 * file named by {@code gateway.validation_rules} ({@link RulesFile}; a bad file stops startup, exit 78); without
 * one every measurement gets the defaults (finite, duplicate, clock skew 10 s, no device time). Rules changed through
 * the DLQ API are kept in {@code <gateway.data_dir>/validator/rules.yml} ({@link RulesStore}) and replace the
 * configured file from then on. Serves {@code /api/v1/dlq} ({@link DlqServlet}, {@link DlqApi}, {@link DlqService})
 * and puts {@link ValidatorMetrics} on {@code /metrics}. Thin shell.
 */
@Component(immediate = true, configurationPid = "io.arcnode.stream", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = HealthContributor.class)
public final class ValidatorComponent implements HealthContributor {

    /** Records per poll of the stage's consumer, so per transaction at most. */
    static final int MAX_POLL_RECORDS = 5000;

    private static final Logger LOG = LoggerFactory.getLogger(ValidatorComponent.class);

    /** Key of the {@code gateway} section naming the rules file. */
    static final String RULES_KEY = "validation_rules";

    /** The DLQ service's producer: stable per gateway, not the stage's. */
    static final String DLQ_TRANSACTIONAL_ID = "arcnode-validator-dlq";

    private final String bootstrap;
    private volatile List<Rule> rules;
    private final Thread thread;
    private final ServiceRegistrations registrations;
    private ValidatorMetrics metrics;
    private DlqApi dlq;
    private volatile ValidatorStage stage;
    private volatile String problem = "starting";
    private volatile boolean closed;

    @Activate
    public ValidatorComponent(Map<String, Object> props, @Reference ArcnodeConfig config, BundleContext context) {
        this.bootstrap = String.valueOf(props.get("bootstrap_servers"));
        this.registrations = new ServiceRegistrations(context);
        Object file = config.section("gateway").get(RULES_KEY);
        RulesStore store = new RulesStore(Path.of(String.valueOf(config.section("gateway").get("data_dir")))
                .resolve("validator").resolve("rules.yml"));
        List<Rule> loaded = List.of();
        String text = null;
        String source = "defaults";
        try {
            Optional<RulesStore.Stored> stored = store.load();
            if (stored.isPresent()) {
                loaded = stored.get().rules();
                text = stored.get().text();
                source = store.file().toString();
                LOG.info("validator: {} rule(s) from {} (set through {}; replaces gateway.{})", loaded.size(),
                        store.file(), DlqApi.PATH, RULES_KEY);
            } else if (file != null) {
                Path path = ProductRoot.resolve(context.getProperty(ProductRoot.INSTALL_AREA), file.toString());
                loaded = RulesFile.read(path, file.toString());
                text = Files.readString(path);
                source = file.toString();
                LOG.info("validator: {} rule(s) from {}", loaded.size(), file);
            }
        } catch (RulesFile.Invalid e) {
            StartupFailure.stop(context, e.getMessage());
            loaded = null;
        } catch (IOException | UncheckedIOException e) {
            StartupFailure.stop(context, "validator rules: " + e.getMessage());
            loaded = null;
        }
        this.rules = loaded;
        this.thread = new Thread(this::loop, "arcnode-validator");
        thread.setDaemon(true);
        if (rules != null) { // a wrong rules file stops the gateway: nothing to run
            metrics = new ValidatorMetrics(PrometheusRegistry.defaultRegistry);
            dlq = new DlqApi(this::createDlq, store, text, source, rules, this::useRules);
            registrations.servlet("arcnode-dlq", new DlqServlet(dlq), DlqApi.PATH, DlqApi.PATH + "/*");
            thread.start();
        }
    }

    private void useRules(List<Rule> changed) {
        rules = changed;
        ValidatorStage s = stage;
        if (s != null) {
            s.useRules(changed);
        }
    }

    private DlqService createDlq() {
        return KafkaClients.create(() -> {
            Map<String, Object> a = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            try (Admin admin = Admin.create(a)) {
                DlqService.createLedger(admin);
            }
            Map<String, Object> c = new HashMap<>();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            c.put(ConsumerConfig.CLIENT_ID_CONFIG, "arcnode-validator-dlq");
            c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            Map<String, Object> p = new HashMap<>();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "arcnode-validator-dlq");
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, DLQ_TRANSACTIONAL_ID);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
            DlqService s = new DlqService(new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()),
                    new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()), Clock.systemUTC(),
                    metrics, Duration.ofSeconds(30));
            try {
                s.start();
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
            return s;
        });
    }

    private void loop() {
        StageRestarts.run("validator", this::create, s -> stage = s, () -> closed, p -> problem = p, Thread::sleep);
    }

    private ValidatorStage create() {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, ValidatorStage.GROUP);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "arcnode-validator");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // up to 5000 records per poll: at 100k readings/s a 500-record poll (Kafka's default) makes the stage spend
        // most of its time waiting for transaction commits (releng/bench/pipeline.sh)
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "arcnode-validator");
        // stable per gateway: a restarted stage fences the transactions of the one before
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "arcnode-validator");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        return new ValidatorStage(new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()),
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()), new Validator(rules),
                Clock.systemUTC(), metrics);
    }


    @Override
    public ComponentHealth health() {
        ValidatorStage s = stage;
        return s != null && s.started()
                ? new ComponentHealth("validator", HealthStatus.HEALTHY, "raw -> clean / dlq on " + bootstrap, false)
                : new ComponentHealth("validator", HealthStatus.DEGRADED, problem, false);
    }

    @Deactivate
    void deactivate() {
        closed = true;
        registrations.unregisterAll();
        if (dlq != null) {
            dlq.close();
        }
        if (metrics != null) {
            metrics.unregister();
        }
        ValidatorStage s = stage;
        if (s != null) {
            s.close();
        }
        thread.interrupt();
    }
}
