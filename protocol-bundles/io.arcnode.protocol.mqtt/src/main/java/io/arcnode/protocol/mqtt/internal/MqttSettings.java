package io.arcnode.protocol.mqtt.internal;

import com.fasterxml.jackson.core.JsonPointer;
import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.adapter.PointTarget;
import io.arcnode.api.telemetry.Classification;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Immutable, validated settings of one MQTT subscriber adapter: the broker connection, the reconnect behaviour
 * and the subscriptions with their JSON field mappings. Built by {@link #parse} from an entry of the gateway
 * configuration; every problem is reported as {@code key: rule} with the key relative to the entry.
 *
 * @param adapterId      the adapter id
 * @param brokerUrl      {@code tcp://host:port}
 * @param host           broker host
 * @param port           broker port
 * @param clientId       MQTT client id
 * @param username       user name, {@code null} for none
 * @param password       password, {@code null} for none; never logged, not in {@link #toString()}
 * @param keepAlive      MQTT keep-alive interval (zero: off)
 * @param connectTimeout timeout of connect and subscribe
 * @param cleanSession   MQTT clean session
 * @param reconnect      backoff between connect attempts, and when DEGRADED becomes UNHEALTHY
 * @param subscriptions  the subscriptions (at least one)
 */
public record MqttSettings(String adapterId, String brokerUrl, String host, int port, String clientId,
        String username, String password, Duration keepAlive, Duration connectTimeout, boolean cleanSession,
        Reconnect reconnect, List<Subscription> subscriptions) {

    /**
     * The defaults of entries that do not set a key, from {@link MqttAdapterConfig} only.
     *
     * @param keepAliveS      keep-alive, s
     * @param connectTimeoutS connect and subscribe timeout, s
     * @param cleanSession    clean session
     * @param qos             QoS of a subscription that sets none
     * @param reconnect       reconnect backoff and unhealthy threshold
     */
    public record Defaults(int keepAliveS, int connectTimeoutS, boolean cleanSession, int qos, Reconnect reconnect) {

        /** @return the defaults of the component configuration */
        public static Defaults of(MqttAdapterConfig c) {
            return new Defaults(c.keep_alive_s(), c.connect_timeout_s(), c.clean_session(), c.qos(),
                    new Reconnect(Duration.ofMillis(c.reconnect_initial_ms()), Duration.ofMillis(c.reconnect_max_ms()),
                            Duration.ofMillis(c.unhealthy_after_ms())));
        }
    }

    /**
     * @param initial        delay after the first failed connect or a lost connection; doubled per failure
     * @param max            upper bound of the delay
     * @param unhealthyAfter without a connection for this long, {@code DEGRADED} becomes {@code UNHEALTHY}
     */
    public record Reconnect(Duration initial, Duration max, Duration unhealthyAfter) {

        /** @return the delay before attempt {@code failures + 1} after {@code failures} (1, 2, ...) failures in a row */
        Duration delay(int failures) {
            long ms = initial.toMillis() << Math.min(Math.max(failures, 1) - 1, 20);
            return Duration.ofMillis(Math.min(ms, max.toMillis()));
        }
    }

    /**
     * One subscription.
     *
     * @param filter           topic filter
     * @param qos              0, 1 or 2
     * @param timestampPointer where the device time is in the payload, {@code null} for none
     * @param assetLevel       0-based topic level that names the asset of fields without {@code asset_id}, -1 for none
     * @param fields           the mapped fields (at least one)
     */
    public record Subscription(TopicFilter filter, int qos, JsonPointer timestampPointer, int assetLevel,
            List<Field> fields) {

        /** Copies the fields. */
        public Subscription {
            fields = List.copyOf(fields);
        }
    }

    /**
     * One mapped JSON field.
     *
     * @param pointer    RFC 6901 pointer into the payload
     * @param target     where the value goes; its asset is the entry's unless {@code fixedAsset}
     * @param fixedAsset whether the field names its own {@code asset_id} (the topic level does not override it)
     */
    public record Field(JsonPointer pointer, PointTarget target, boolean fixedAsset) {
    }

    private static final Set<String> SUBSCRIPTION_KEYS = Set.of("topic_filter", "qos", "timestamp_pointer",
            "asset_from_topic_level", "fields");
    private static final Set<String> FIELD_KEYS = Set.of("pointer", "parameter", "unit", "asset_id", "classification");

    /** Copies the subscriptions. */
    public MqttSettings {
        subscriptions = List.copyOf(subscriptions);
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "MqttSettings[" + adapterId + " " + brokerUrl + " client " + clientId
                + (username == null ? "" : " user " + username) + ", " + subscriptions.size() + " subscriptions]";
    }

    /**
     * @param config   the entry
     * @param defaults values of keys the entry does not set
     * @param problems receives one {@code key: rule} line per problem
     * @return the settings, {@code null} when there is a problem
     */
    public static MqttSettings parse(AdapterConfig config, Defaults defaults, List<String> problems) {
        int before = problems.size();
        Map<String, Object> s = config.settings();
        Entry e = new Entry(s, "", problems);
        String url = e.string("broker_url", true);
        String host = null;
        int port = 0;
        if (url != null) {
            try {
                URI uri = new URI(url);
                host = uri.getHost();
                port = uri.getPort() < 0 ? 1883 : uri.getPort();
                if (!"tcp".equals(uri.getScheme()) || host == null || uri.getPath() != null && !uri.getPath().isEmpty()
                        || port > 65535) {
                    problems.add("broker_url: must be tcp://host:port (TLS and websockets are not supported)");
                }
            } catch (URISyntaxException x) {
                problems.add("broker_url: must be tcp://host:port (" + x.getReason() + ")");
            }
        }
        String clientId = e.string("client_id", false);
        String username = e.string("username", false);
        String password = e.string("password", false);
        if (password != null && username == null) {
            problems.add("password: needs username");
        }
        int keepAlive = e.integer("keep_alive_s", defaults.keepAliveS(), 0, 65535);
        int connectTimeout = e.integer("connect_timeout_s", defaults.connectTimeoutS(), 1, 3600);
        boolean clean = e.bool("clean_session", defaults.cleanSession());
        List<Subscription> subscriptions = new ArrayList<>();
        List<Entry> subs = e.list("subscriptions", true);
        for (Entry sub : subs) {
            Subscription parsed = subscription(sub, config, defaults);
            if (parsed != null) {
                subscriptions.add(parsed);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new MqttSettings(config.adapterId(), "tcp://" + host + ":" + port, host, port,
                clientId == null ? config.adapterId() : clientId, username, password, Duration.ofSeconds(keepAlive),
                Duration.ofSeconds(connectTimeout), clean, defaults.reconnect(), subscriptions);
    }

    private static Subscription subscription(Entry sub, AdapterConfig config, Defaults defaults) {
        int before = sub.problems().size();
        sub.onlyKeys(SUBSCRIPTION_KEYS);
        String filterText = sub.string("topic_filter", true);
        TopicFilter filter = null;
        if (filterText != null) {
            String problem = TopicFilter.problem(filterText);
            if (problem != null) {
                sub.problem("topic_filter", problem);
            } else {
                filter = TopicFilter.parse(filterText);
            }
        }
        int qos = sub.integer("qos", defaults.qos(), 0, 2);
        JsonPointer timestamp = sub.pointer("timestamp_pointer", false);
        int assetLevel = sub.integer("asset_from_topic_level", -1, 0, 1000);
        if (assetLevel >= 0 && filter != null && !filter.isWildcardLevel(assetLevel)) {
            sub.problem("asset_from_topic_level", "must name a '+' or '#' level of topic_filter (0-based)");
        }
        List<Field> fields = new ArrayList<>();
        for (Entry f : sub.list("fields", true)) {
            f.onlyKeys(FIELD_KEYS);
            JsonPointer pointer = f.pointer("pointer", true);
            String parameter = f.string("parameter", true);
            String unit = f.text("unit");
            String asset = f.string("asset_id", false);
            String classification = f.string("classification", false);
            Classification c = config.classification();
            if (classification != null) {
                try {
                    c = Classification.fromJson(classification.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException x) {
                    f.problem("classification", "must be telemetry, event or alarm");
                }
            }
            if (pointer != null && parameter != null) {
                fields.add(new Field(pointer, new PointTarget(asset == null ? config.assetId() : asset, parameter,
                        unit, c), asset != null));
            }
        }
        if (sub.problems().size() > before) {
            return null;
        }
        return new Subscription(filter, qos, timestamp, assetLevel, fields);
    }
}
