package io.arcnode.protocol.mqtt.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcnode.api.adapter.Adapter;
import io.arcnode.api.adapter.AdapterHealth;
import io.arcnode.api.adapter.AdapterLoop;
import io.arcnode.api.adapter.AdapterStatus;
import io.arcnode.api.adapter.MeasurementSink;
import io.arcnode.api.adapter.Normalizer;
import io.arcnode.api.telemetry.Measurement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT subscriber adapter instance (Paho mqttv3): one client connection to the broker, the subscriptions of
 * its {@link MqttSettings}, and its own single-thread loop for connecting, so a broker that is away only delays
 * itself. Connect and subscribe failures and lost connections set {@code DEGRADED} with the reason and reconnect
 * after an exponential backoff (resubscribing every filter); {@code UNHEALTHY} after {@code unhealthy_after}
 * without a connection. The first well-formed message after (re)connecting sets {@code HEALTHY}; a message that
 * is not JSON or lacks a mapped field is counted as an error and sets {@code DEGRADED} with the problem, the next
 * good one {@code HEALTHY} again. Every change of status is logged once, not every attempt.
 */
public final class MqttSubscriberAdapter implements Adapter {

    /** Adapter version put into every measurement's metadata. */
    public static final String VERSION = "1.0.0";

    private static final Logger LOG = LoggerFactory.getLogger(MqttSubscriberAdapter.class);

    private record State(AdapterStatus status, String reason) {}

    private final MqttSettings settings;
    private final MeasurementSink sink;
    private final Clock clock;
    private final Normalizer normalizer;
    private final PayloadMapper mapper;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong measurements = new AtomicLong();
    private final AtomicLong badPayloads = new AtomicLong();
    private volatile State state = new State(AdapterStatus.DEGRADED, "not connected yet");
    private volatile Instant lastReadingAt;
    /** When the adapter was last known connected (or created): the start of an outage. */
    private volatile Instant lastConnectedAt;
    private final AdapterLoop loop;
    private volatile MqttClient client;
    private volatile int failures;

    /**
     * @param settings validated settings
     * @param sink     where measurements go
     * @param clock    gateway clock
     */
    public MqttSubscriberAdapter(MqttSettings settings, MeasurementSink sink, Clock clock) {
        this.settings = settings;
        this.sink = sink;
        this.clock = clock;
        this.normalizer = new Normalizer(clock, Map.of("adapter_id", settings.adapterId(), "adapter_version", VERSION));
        this.mapper = new PayloadMapper(new ObjectMapper(), normalizer);
        this.lastConnectedAt = clock.instant();
        this.loop = new AdapterLoop("mqtt-" + settings.adapterId());
    }

    @Override
    public String id() {
        return settings.adapterId();
    }

    @Override
    public void start() {
        loop.start(this::connect);
    }

    @Override
    public void stop() {
        // a connect in flight ends within its timeout
        if (loop.stop(settings.connectTimeout().plusSeconds(1))) {
            closeClient(true);
        }
    }

    @Override
    public AdapterHealth health() {
        State s = state;
        return new AdapterHealth(settings.adapterId(), s.status(), s.reason(), lastReadingAt, reads.get(),
                errors.get(), measurements.get());
    }

    /** Runs in the loop: one connect and subscribe attempt; on failure the next one after the backoff. */
    private void connect() {
        closeClient(false);
        MqttClient c = null;
        try {
            c = new MqttClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
            c.setTimeToWait(settings.connectTimeout().toMillis());
            c.setCallback(new Callback(c));
            c.connect(options());
            String[] filters = settings.subscriptions().stream().map(s -> s.filter().filter()).toArray(String[]::new);
            int[] qos = settings.subscriptions().stream().mapToInt(MqttSettings.Subscription::qos).toArray();
            long readsBefore = reads.get();
            c.subscribe(filters, qos);
            client = c;
            failures = 0;
            lastConnectedAt = clock.instant();
            // HEALTHY when data flows: a quiet topic after a reconnect is not yet proof of health
            setStateUnless(readsBefore,AdapterStatus.DEGRADED, "subscribed to " + filters.length + " topic filter"
                    + (filters.length == 1 ? "" : "s") + " at " + settings.brokerUrl() + ", no message yet");
        } catch (MqttException e) {
            errors.incrementAndGet();
            close(c);
            failures++;
            Duration delay = settings.reconnect().delay(failures);
            degrade("cannot connect to " + settings.brokerUrl() + ": " + describe(e) + "; attempt " + failures
                    + ", next in " + delay.toMillis() + " ms");
            schedule(delay);
        }
    }

    private MqttConnectOptions options() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(settings.cleanSession());
        o.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        o.setConnectionTimeout((int) settings.connectTimeout().toSeconds());
        // reconnects, their backoff and the resubscription are ours: one status per outage
        o.setAutomaticReconnect(false);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (settings.username() != null) {
            o.setUserName(settings.username());
        }
        if (settings.password() != null) {
            o.setPassword(settings.password().toCharArray());
        }
        return o;
    }

    private void schedule(Duration delay) {
        loop.schedule(this::connect, delay);
    }

    private void connectionLost(MqttClient c, Throwable cause) {
        if (c != client) {
            return;
        }
        errors.incrementAndGet();
        lastConnectedAt = clock.instant();
        failures = 1;
        Duration delay = settings.reconnect().delay(failures);
        degrade("connection to " + settings.brokerUrl() + " lost: " + describe(cause) + "; reconnect in "
                + delay.toMillis() + " ms");
        schedule(delay);
    }

    private void messageArrived(String topic, MqttMessage message) {
        reads.incrementAndGet();
        Instant at = normalizer.now();
        String problem = null;
        for (MqttSettings.Subscription sub : settings.subscriptions()) {
            if (!sub.filter().matches(topic)) {
                continue;
            }
            PayloadMapper.Result r = mapper.map(sub, topic, message.getPayload(), at);
            for (Measurement m : r.measurements()) {
                sink.accept(m);
                measurements.incrementAndGet();
            }
            if (!r.measurements().isEmpty()) {
                lastReadingAt = at;
            }
            if (!r.problems().isEmpty() && problem == null) {
                problem = String.join(", ", r.problems());
            }
        }
        if (problem == null) {
            setState(AdapterStatus.HEALTHY, null);
        } else {
            errors.incrementAndGet();
            long bad = badPayloads.incrementAndGet();
            setState(AdapterStatus.DEGRADED, "bad payload on " + topic + " (" + bad + " so far): " + problem);
        }
    }

    private void degrade(String reason) {
        Instant since = lastConnectedAt;
        boolean longAway = Duration.between(since, clock.instant()).compareTo(settings.reconnect().unhealthyAfter()) > 0;
        setState(longAway ? AdapterStatus.UNHEALTHY : AdapterStatus.DEGRADED, reason);
    }

    private void closeClient(boolean disconnect) {
        MqttClient c = client;
        client = null;
        if (c != null && disconnect && c.isConnected()) {
            try {
                c.disconnect(500);
            } catch (MqttException e) {
                // closing anyway
            }
        }
        close(c);
    }

    private static void close(MqttClient c) {
        if (c == null) {
            return;
        }
        try {
            c.close(true);
        } catch (MqttException e) {
            // nothing left to release
        }
    }

    static String describe(Throwable t) {
        StringBuilder b = new StringBuilder();
        if (t instanceof MqttException m) {
            b.append(m.getMessage()).append(" (reason ").append(m.getReasonCode()).append(')');
        } else {
            b.append(t == null ? "unknown" : t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        Throwable cause = t == null ? null : t.getCause();
        if (cause != null && cause != t) {
            b.append(": ").append(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
        return b.toString();
    }

    /** Sets the state unless a message arrived since {@code readsBefore} (its state is newer). */
    private synchronized void setStateUnless(long readsBefore, AdapterStatus status, String reason) {
        if (reads.get() == readsBefore) {
            setState(status, reason);
        }
    }

    private synchronized void setState(AdapterStatus status, String reason) {
        State old = state;
        state = new State(status, reason);
        if (old.status() != status) {
            if (status == AdapterStatus.HEALTHY) {
                LOG.info("adapter {} {} -> HEALTHY", settings.adapterId(), old.status());
            } else {
                LOG.warn("adapter {} {} -> {}: {}", settings.adapterId(), old.status(), status, reason);
            }
        }
    }

    /** Paho's callbacks of one client; those of a client already replaced are ignored. */
    private final class Callback implements MqttCallback {
        private final MqttClient owner;

        Callback(MqttClient owner) {
            this.owner = owner;
        }

        @Override
        public void connectionLost(Throwable cause) {
            MqttSubscriberAdapter.this.connectionLost(owner, cause);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                MqttSubscriberAdapter.this.messageArrived(topic, message);
            } catch (RuntimeException e) {
                // a bug (or a failing sink), not a broker problem: an exception here would make Paho drop the connection
                errors.incrementAndGet();
                LOG.error("adapter {}: internal error on a message of {}", settings.adapterId(), topic, e);
                setState(AdapterStatus.DEGRADED, "internal error: " + e);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // a subscriber publishes nothing
        }
    }
}
