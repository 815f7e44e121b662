package io.arcnode.protocol.mqtt.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An MQTT simulator for tests, SIM mode and the demo stage: a real MQTT 3.1.1 broker (embedded Moquette, in
 * memory, anonymous, no telemetry) on 127.0.0.1, plus a publisher inside it that sends one JSON payload per
 * publication per tick. Values are a deterministic function of the tick and the field's index
 * ({@link #value(long, int)}); the device time written at a publication's timestamp pointer comes from the
 * given clock as ISO-8601. {@link #tick()} for tests, {@link #tickEvery(Duration)} for SIM mode. Closing stops
 * the broker; a new one can start on the same port.
 */
public final class MqttSimulator implements AutoCloseable {

    /** Client id of the publisher inside the broker, as subscribers' brokers log it. */
    static final String PUBLISHER = "arcnode-mqtt-simulator";

    /**
     * What one tick publishes to one topic.
     *
     * @param topic            topic name (no wildcards)
     * @param qos              0, 1 or 2
     * @param timestampPointer where the device time goes, {@code null} for none
     * @param fields           where the values go; field {@code i} gets {@code value(tick, i)}
     */
    public record Publication(String topic, int qos, JsonPointer timestampPointer, List<JsonPointer> fields) {

        /** Copies the fields. */
        public Publication {
            fields = List.copyOf(fields);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Server broker;
    private final List<Publication> publications;
    private final Clock clock;
    private final int port;
    private long tick;
    private ScheduledExecutorService timer;
    private boolean closed;

    private MqttSimulator(Server broker, int port, List<Publication> publications, Clock clock) {
        this.broker = broker;
        this.port = port;
        this.publications = List.copyOf(publications);
        this.clock = clock;
    }

    /**
     * Starts the broker on 127.0.0.1.
     *
     * @param port         TCP port, 0 for an ephemeral one ({@link #port()} tells it)
     * @param publications what each tick publishes
     * @param clock        the device time of the payloads
     * @throws IOException when the broker cannot start (port taken)
     */
    public static MqttSimulator start(int port, List<Publication> publications, Clock clock) throws IOException {
        // Moquette's getPort() reads a HashMap that its event loop fills after bind: not safe to ask, so pick one
        int bind = port == 0 ? freePort() : port;
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(bind));
        p.setProperty("persistence_enabled", "false");
        p.setProperty("telemetry_enabled", "false"); // Moquette reports usage to its authors otherwise
        p.setProperty("allow_anonymous", "true");
        p.setProperty("netty.epoll", "false");
        p.setProperty("buffer_flush_millis", "0");
        Server broker = new Server();
        try {
            broker.startServer(new MemoryConfig(p));
        } catch (RuntimeException e) {
            broker.stopServer();
            throw new IOException("cannot start the MQTT broker on 127.0.0.1:" + bind + ": " + e.getMessage(), e);
        }
        return new MqttSimulator(broker, bind, publications, clock);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Same as {@link #start} with a publication per subscription of {@code settings}, on its broker port. */
    public static MqttSimulator forSettings(MqttSettings settings, Clock clock) throws IOException {
        return start(settings.port(), publications(settings), clock);
    }

    /**
     * @return one publication per subscription: a topic its filter matches ({@code sim} at each wildcard, the
     *         entry's asset id at the asset level), its QoS, timestamp pointer and field pointers
     */
    public static List<Publication> publications(MqttSettings settings) {
        List<Publication> out = new ArrayList<>();
        for (MqttSettings.Subscription s : settings.subscriptions()) {
            String asset = s.fields().stream().filter(f -> !f.fixedAsset()).map(f -> f.target().assetId())
                    .findFirst().orElse("sim");
            out.add(new Publication(s.filter().sampleTopic(s.assetLevel(), asset, "sim"), s.qos(),
                    s.timestampPointer(), s.fields().stream().map(MqttSettings.Field::pointer).toList()));
        }
        return out;
    }

    /** @return a triangle wave, period 20 ticks, around {@code 20 + 10 * index} */
    static double value(long tick, int index) {
        long phase = Math.floorMod(tick, 20);
        return 20 + 10 * index + (phase < 10 ? phase : 20 - phase) * 0.5;
    }

    /** @return the port the broker listens on */
    public int port() {
        return port;
    }

    /** @return ticks so far */
    public synchronized long ticks() {
        return tick;
    }

    /** Advances one tick and publishes every publication. */
    public synchronized void tick() {
        tick++;
        for (Publication p : publications) {
            publish(p.topic(), payload(p, tick), p.qos());
        }
    }

    /** Ticks every {@code period} from now until closed (SIM mode). */
    public synchronized void tickEvery(Duration period) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt-simulator-" + port);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Publishes {@code payload} as it is (tests: malformed payloads, other topics). */
    public void publish(String topic, byte[] payload, int qos) {
        broker.internalPublish(MqttMessageBuilders.publish().topicName(topic).retained(false)
                .qos(MqttQoS.valueOf(qos)).payload(Unpooled.copiedBuffer(payload)).build(), PUBLISHER);
    }

    /** @return the JSON payload of {@code p} at {@code tick} */
    byte[] payload(Publication p, long tick) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (p.timestampPointer() != null) {
            parent(root, p.timestampPointer()).put(last(p.timestampPointer()), clock.instant().toString());
        }
        for (int i = 0; i < p.fields().size(); i++) {
            JsonPointer f = p.fields().get(i);
            parent(root, f).put(last(f), value(tick, i));
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the object that holds the pointer's last member, made along the way */
    private static ObjectNode parent(ObjectNode root, JsonPointer pointer) {
        ObjectNode node = root;
        for (JsonPointer p = pointer; !p.tail().matches(); p = p.tail()) {
            String name = p.getMatchingProperty();
            node = node.get(name) instanceof ObjectNode o ? o : node.putObject(name);
        }
        return node;
    }

    private static String last(JsonPointer pointer) {
        return pointer.last().getMatchingProperty();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (timer != null) {
                timer.shutdownNow();
            }
        }
        broker.stopServer();
    }
}
