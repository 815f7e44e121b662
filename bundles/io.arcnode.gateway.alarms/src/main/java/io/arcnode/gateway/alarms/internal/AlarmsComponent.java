package io.arcnode.gateway.alarms.internal;

import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthContributor;
import io.arcnode.api.health.HealthStatus;
import io.arcnode.api.telemetry.AlarmState;
import io.arcnode.config.api.ArcnodeConfig;
import io.arcnode.config.api.ProductRoot;
import io.arcnode.config.api.StartupFailure;
import io.arcnode.http.api.ServiceRegistrations;
import io.arcnode.stream.api.StageRestarts;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
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
 * Runs the {@link AlarmStage} in the gateway on the local stream ({@code stream.bootstrap_servers}, PID
 * {@code io.arcnode.stream}) in its own thread, started again after an error (1 s doubling to 30 s); the store is
 * {@code <gateway.data_dir>/alarms/}; the rules come from the file named by {@code gateway.alarm_rules} (a bad file
 * stops startup, exit 78; without one only {@code alarms.raw} raises alarms). Serves {@code /api/v1/alarms}, puts
 * {@link AlarmMetrics} on {@code /metrics}; health: non-critical component {@code alarms}. Thin shell.
 */
@Component(immediate = true, configurationPid = "io.arcnode.stream", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = HealthContributor.class)
public final class AlarmsComponent implements HealthContributor {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmsComponent.class);
    /** Folder of the store, under {@code gateway.data_dir}. */
    static final String FOLDER = "alarms";

    private final String bootstrap;
    private final List<AlarmRule> rules;
    private final AlarmStore store;
    private final AlarmMetrics metrics = new AlarmMetrics(PrometheusRegistry.defaultRegistry);
    private final ServiceRegistrations registrations;
    private final Thread thread;
    private volatile AlarmStage stage;
    private volatile String problem = "starting";
    private volatile boolean closed;

    @Activate
    public AlarmsComponent(Map<String, Object> props, @Reference ArcnodeConfig config, BundleContext context) {
        this.bootstrap = String.valueOf(props.get("bootstrap_servers"));
        Map<String, Object> gateway = config.section("gateway");
        this.store = new AlarmStore(Path.of(String.valueOf(gateway.get("data_dir"))).resolve(FOLDER));
        this.registrations = new ServiceRegistrations(context);
        Object file = gateway.get(AlarmRulesFile.KEY);
        List<AlarmRule> loaded = List.of();
        if (file != null) {
            try {
                loaded = AlarmRulesFile.read(ProductRoot.resolve(context.getProperty(ProductRoot.INSTALL_AREA),
                        file.toString()), file.toString());
                LOG.info("alarms: {} rule(s) from {}", loaded.size(), file);
            } catch (AlarmRulesFile.Invalid e) {
                StartupFailure.stop(context, e.getMessage());
                loaded = null;
            }
        }
        this.rules = loaded;
        this.thread = new Thread(this::loop, "arcnode-alarms");
        thread.setDaemon(true);
        if (rules != null) { // a wrong rules file stops the gateway: nothing to run
            metrics.register(this::engine);
            registrations.servlet("arcnode-alarms", new AlarmsServlet(new AlarmApi(new AlarmApi.Backend() {
                @Override
                public AlarmEngine engine() {
                    return AlarmsComponent.this.engine();
                }

                @Override
                public CompletableFuture<Alarm> submit(Function<AlarmEngine, Alarm> action) {
                    AlarmStage s = stage;
                    return s != null ? s.submit(action)
                            : CompletableFuture.failedFuture(new IllegalStateException("alarms stage not running"));
                }
            })), AlarmApi.PATH, AlarmApi.PATH + "/*");
            thread.start();
        }
    }

    private AlarmEngine engine() {
        AlarmStage s = stage;
        return s == null ? null : s.engine();
    }

    private void loop() {
        StageRestarts.run("alarms", this::create, s -> stage = s, () -> closed, p -> problem = p, Thread::sleep);
    }

    private AlarmStage create() {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, AlarmStage.GROUP);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "arcnode-alarms");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false); // the stream component creates the topics
        Map<String, Object> r = new HashMap<>();
        r.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        r.put(ConsumerConfig.CLIENT_ID_CONFIG, "arcnode-alarms-readback");
        r.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        r.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        r.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "arcnode-alarms");
        // stable per gateway: a restarted stage fences the transactions of the one before
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "arcnode-alarms");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new AlarmStage(new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()),
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()),
                new KafkaConsumer<>(r, new StringDeserializer(), new ByteArrayDeserializer()), store, rules,
                Clock.systemUTC(), metrics);
    }

    @Override
    public ComponentHealth health() {
        AlarmStage s = stage;
        AlarmEngine e = s == null ? null : s.engine();
        if (s == null || !s.started() || e == null) {
            return new ComponentHealth("alarms", HealthStatus.DEGRADED, problem, false);
        }
        long open = e.counts().values().stream().flatMap(m -> m.entrySet().stream())
                .filter(x -> x.getKey() != AlarmState.CLEARED).mapToLong(Map.Entry::getValue).sum();
        return new ComponentHealth("alarms", HealthStatus.HEALTHY, rules.size() + " rule(s), " + open
                + " open alarm(s); telemetry.clean + alarms.raw -> alarms.clean on " + bootstrap, false);
    }

    @Deactivate
    void deactivate() {
        closed = true;
        registrations.unregisterAll();
        metrics.unregister();
        AlarmStage s = stage;
        if (s != null) {
            s.close();
        }
        thread.interrupt();
    }
}
