package io.arcnode.gateway.aggregator.internal;

import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthContributor;
import io.arcnode.api.health.HealthStatus;
import io.arcnode.config.api.ArcnodeConfig;
import io.arcnode.config.api.ProductRoot;
import io.arcnode.config.api.StartupFailure;
import io.arcnode.stream.api.StageRestarts;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
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
 * Runs the {@link AggregatorStage} in the gateway on the local stream ({@code stream.bootstrap_servers}, PID
 * {@code io.arcnode.stream}) in its own thread; a stage that ends with an error (broker away, transaction failed)
 * is started again after a backoff (1 s doubling to 30 s) and restores its windows from the changelog. Health:
 * non-critical component {@code aggregator}. What it computes comes from the file named by
 * {@code gateway.aggregation_rules} ({@link AggregationFile}; a bad file stops startup, exit 78); without one every
 * reading is aggregated in 1 s, 1 min and 1 h windows with 5 s allowed lateness. Metrics on {@code /metrics}
 * ({@link AggregatorMetrics}). Thin shell.
 */
@Component(immediate = true, configurationPid = "io.arcnode.stream", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = HealthContributor.class)
public final class AggregatorComponent implements HealthContributor {

    /** Records per poll of the stage's consumer, so per transaction at most. */
    static final int MAX_POLL_RECORDS = 5000;

    private static final Logger LOG = LoggerFactory.getLogger(AggregatorComponent.class);

    /** Key of the {@code gateway} section naming the aggregation file. */
    static final String FILE_KEY = "aggregation_rules";

    private final String bootstrap;
    private final short replication;
    private final AggregatorSettings settings;
    private final AggregatorStats stats = new AggregatorStats(Clock.systemUTC());
    private final AggregatorMetrics metrics;
    private final Thread thread;
    private volatile AggregatorStage stage;
    private volatile String problem = "starting";
    private volatile boolean closed;

    @Activate
    public AggregatorComponent(Map<String, Object> props, @Reference ArcnodeConfig config, BundleContext context) {
        this.bootstrap = String.valueOf(props.get("bootstrap_servers"));
        Object rf = props.get("replication_factor");
        this.replication = rf instanceof Number n ? n.shortValue() : Short.parseShort(String.valueOf(rf));
        Object file = config.section("gateway").get(FILE_KEY);
        AggregatorSettings loaded = AggregatorSettings.DEFAULTS;
        if (file != null) {
            try {
                loaded = AggregationFile.read(ProductRoot.resolve(context.getProperty(ProductRoot.INSTALL_AREA),
                        file.toString()), file.toString());
                LOG.info("aggregator: {} pipeline(s) from {}", loaded.pipelines().size(), file);
            } catch (AggregationFile.Invalid e) {
                StartupFailure.stop(context, e.getMessage());
                loaded = null;
            }
        }
        this.settings = loaded;
        this.metrics = AggregatorMetrics.register(PrometheusRegistry.defaultRegistry, stats);
        this.thread = new Thread(this::loop, "arcnode-aggregator");
        thread.setDaemon(true);
        if (settings != null) {
            thread.start(); // a wrong file stops the gateway: nothing to run
        }
    }

    private void loop() {
        StageRestarts.run("aggregator", this::create, s -> stage = s, () -> closed, p -> problem = p, Thread::sleep);
    }

    private AggregatorStage create() {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, AggregatorStage.GROUP);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "arcnode-aggregator");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // up to 5000 records per poll: at 100k readings/s a 500-record poll (Kafka's default) makes the stage spend
        // most of its time waiting for transaction commits (releng/bench/pipeline.sh)
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "arcnode-aggregator");
        // stable per gateway: a restarted stage fences the transactions of the one before
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "arcnode-aggregator");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        Map<String, Object> a = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "arcnode-aggregator-admin");
        return new AggregatorStage(new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()),
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()), Admin.create(a),
                replication, settings, stats, Clock.systemUTC());
    }

    @Override
    public ComponentHealth health() {
        AggregatorStage s = stage;
        return s != null && s.started()
                ? new ComponentHealth("aggregator", HealthStatus.HEALTHY, "clean -> 1s / 1min / 1hour on " + bootstrap
                        + ", " + stats.openWindows() + " open window(s)", false)
                : new ComponentHealth("aggregator", HealthStatus.DEGRADED, problem, false);
    }

    @Deactivate
    void deactivate() {
        closed = true;
        AggregatorStage s = stage;
        if (s != null) {
            s.close();
        }
        thread.interrupt();
        metrics.unregister();
    }
}
