package io.arcnode.protocol.opcua.internal;

import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.adapter.PointTarget;
import io.arcnode.api.telemetry.Classification;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/**
 * Immutable, validated settings of one OPC UA adapter, read from a gateway configuration entry
 * ({@link AdapterConfig#settings()}) with the defaults of {@link Defaults}. {@link #parse} collects one
 * {@code key: rule} line per problem, the key relative to the entry ({@code monitored_items[3].node_id}).
 *
 * @param adapterId          the adapter id
 * @param endpointUrl        {@code opc.tcp://host:port/path}
 * @param host               host of the endpoint URL (the client connects there, whatever the server advertises)
 * @param port               port of the endpoint URL
 * @param security           security policy
 * @param mode               message security mode
 * @param publishingInterval requested publishing interval of the subscription
 * @param requestTimeout     timeout of one request
 * @param serverTrust        how the server certificate is trusted
 * @param pkiDir             folder of the client certificate and the trusted server certificates
 * @param backoffInitial     delay after the first failed connect, doubled per failure
 * @param backoffMax         upper bound of that delay
 * @param items              the monitored items, at least one
 */
public record OpcUaSettings(String adapterId, String endpointUrl, String host, int port, Security security,
        Mode mode, Duration publishingInterval, Duration requestTimeout, Trust serverTrust, Path pkiDir,
        Duration backoffInitial, Duration backoffMax, List<Item> items) {

    /** Supported security policies. */
    public enum Security {
        NONE(SecurityPolicy.None), BASIC256SHA256(SecurityPolicy.Basic256Sha256);

        private final SecurityPolicy policy;

        Security(SecurityPolicy policy) {
            this.policy = policy;
        }

        /** @return Milo's policy */
        public SecurityPolicy policy() {
            return policy;
        }
    }

    /** Message security modes. */
    public enum Mode {
        NONE(MessageSecurityMode.None), SIGN(MessageSecurityMode.Sign),
        SIGN_AND_ENCRYPT(MessageSecurityMode.SignAndEncrypt);

        private final MessageSecurityMode mode;

        Mode(MessageSecurityMode mode) {
            this.mode = mode;
        }

        /** @return Milo's mode */
        public MessageSecurityMode milo() {
            return mode;
        }
    }

    /** How the server certificate is trusted. */
    public enum Trust {
        /** The first certificate seen for an endpoint is stored in {@code pki_dir/trusted} and only it is accepted later. */
        FIRST_USE,
        /** Any certificate is accepted (commissioning against a server whose certificate changes). */
        ANY
    }

    /** Deadband of a monitored item's data change filter. */
    public enum DeadbandKind {
        NONE(0), ABSOLUTE(1), PERCENT(2);

        private final int uaValue;

        DeadbandKind(int uaValue) {
            this.uaValue = uaValue;
        }

        /** @return the OPC UA DeadbandType value */
        public int uaValue() {
            return uaValue;
        }
    }

    /**
     * One monitored item.
     *
     * @param key              where it is configured, {@code monitored_items[2]}
     * @param nodeId           the node whose Value attribute is monitored
     * @param target           where its values go
     * @param samplingInterval requested sampling interval, ms
     * @param queueSize        requested server queue size
     * @param deadbandKind     deadband type
     * @param deadband         deadband value (absolute: in the value's unit; percent: of the EURange)
     */
    public record Item(String key, NodeId nodeId, PointTarget target, double samplingInterval, int queueSize,
            DeadbandKind deadbandKind, double deadband) {
    }

    /**
     * Defaults of keys an entry may leave out, from {@link OpcUaAdapterConfig}.
     *
     * @param pkiDir folder used when an entry has no {@code pki_dir}
     */
    public record Defaults(String securityPolicy, Duration publishingInterval, Duration requestTimeout, int queueSize,
            String serverTrust, Duration backoffInitial, Duration backoffMax, Path pkiDir) {

        /** @return the defaults of the component configuration; an empty {@code pki_dir} there gives {@code pkiDir} */
        public static Defaults of(OpcUaAdapterConfig c, Path pkiDir) {
            return new Defaults(c.security_policy(), Duration.ofMillis(c.publishing_interval_ms()),
                    Duration.ofMillis(c.request_timeout_ms()), c.queue_size(), c.server_trust(),
                    Duration.ofMillis(c.backoff_initial_ms()), Duration.ofMillis(c.backoff_max_ms()),
                    c.pki_dir().isBlank() ? pkiDir : Path.of(c.pki_dir()));
        }
    }

    /** Copies the items. */
    public OpcUaSettings {
        items = List.copyOf(items);
    }

    /**
     * @param config   the entry
     * @param defaults defaults of keys the entry leaves out
     * @param problems receives one {@code key: rule} line per problem
     * @return the settings, {@code null} when a problem was found
     */
    public static OpcUaSettings parse(AdapterConfig config, Defaults defaults, List<String> problems) {
        Reader r = new Reader(config.settings(), "", problems);
        String url = r.string("endpoint_url", null);
        String host = null;
        int port = -1;
        if (url == null) {
            problems.add("endpoint_url: required");
        } else {
            try {
                URI uri = new URI(url);
                host = uri.getHost();
                port = uri.getPort();
                if (!"opc.tcp".equals(uri.getScheme()) || host == null || port < 1 || port > 65535) {
                    problems.add("endpoint_url: must be opc.tcp://host:port[/path], is " + url);
                }
            } catch (URISyntaxException e) {
                problems.add("endpoint_url: not a URL: " + url);
            }
        }
        Security security = r.choice("security_policy", Security.class, defaults.securityPolicy());
        Mode mode = r.choice("message_security_mode", Mode.class, security == Security.BASIC256SHA256
                ? "sign_and_encrypt" : "none");
        if (security != null && mode != null && (security == Security.NONE) != (mode == Mode.NONE)) {
            problems.add("message_security_mode: must be none exactly with security_policy none, is "
                    + key(mode));
        }
        Duration publishing = r.millis("publishing_interval_ms", defaults.publishingInterval(), 1);
        Duration timeout = r.millis("request_timeout_ms", defaults.requestTimeout(), 1);
        Duration backoffInitial = r.millis("backoff_initial_ms", defaults.backoffInitial(), 1);
        Duration backoffMax = r.millis("backoff_max_ms", defaults.backoffMax(), 1);
        if (backoffInitial != null && backoffMax != null && backoffMax.compareTo(backoffInitial) < 0) {
            problems.add("backoff_max_ms: must be >= backoff_initial_ms");
        }
        Trust trust = r.choice("server_trust", Trust.class, defaults.serverTrust());
        Path pki = defaults.pkiDir();
        String pkiText = r.string("pki_dir", null);
        if (pkiText != null) {
            try {
                pki = Path.of(pkiText);
            } catch (InvalidPathException e) {
                problems.add("pki_dir: not a path: " + pkiText);
            }
        }
        List<Item> items = items(config, defaults, publishing, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new OpcUaSettings(config.adapterId(), url, host, port, security, mode, publishing, timeout, trust, pki,
                backoffInitial, backoffMax, items);
    }

    private static List<Item> items(AdapterConfig config, Defaults defaults, Duration publishing,
            List<String> problems) {
        Object raw = config.settings().get("monitored_items");
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            problems.add("monitored_items: " + (raw == null || raw instanceof List ? "at least one item is required"
                    : "must be a list"));
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String key = "monitored_items[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                problems.add(key + ": must be a map");
                continue;
            }
            Reader m = new Reader(map, key + ".", problems);
            int before = problems.size();
            String nodeText = m.string("node_id", null);
            NodeId node = null;
            if (nodeText == null) {
                problems.add(key + ".node_id: required");
            } else {
                node = NodeId.parseOrNull(nodeText);
                if (node == null) {
                    problems.add(key + ".node_id: not a valid NodeId (e.g. ns=2;s=Pump1.Temp or ns=2;i=1001): "
                            + nodeText);
                }
            }
            String parameter = m.string("parameter", null);
            if (parameter == null || parameter.isBlank()) {
                problems.add(key + ".parameter: required");
            }
            String unit = m.string("unit", "");
            String asset = m.string("asset_id", config.assetId());
            Classification classification = config.classification();
            String c = m.string("classification", null);
            if (c != null) {
                try {
                    classification = Classification.fromJson(c.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(key + ".classification: must be telemetry, event or alarm, is " + c);
                }
            }
            Duration sampling = m.millis("sampling_interval_ms", publishing, 0);
            Number queue = m.number("queue_size", defaults.queueSize());
            if (queue != null && (queue.doubleValue() != queue.intValue() || queue.intValue() < 1)) {
                problems.add(key + ".queue_size: must be an integer >= 1, is " + queue);
            }
            Number deadband = m.number("deadband", 0);
            DeadbandKind kind = m.choice("deadband_type", DeadbandKind.class,
                    deadband != null && deadband.doubleValue() > 0 ? "absolute" : "none");
            if (deadband != null && (!(deadband.doubleValue() >= 0) || Double.isInfinite(deadband.doubleValue()))) {
                problems.add(key + ".deadband: must be a finite number >= 0, is " + deadband);
            } else if (kind == DeadbandKind.PERCENT && deadband != null && deadband.doubleValue() > 100) {
                problems.add(key + ".deadband: must be 0..100 with deadband_type percent, is " + deadband);
            }
            if (parameter != null && !parameter.isBlank() && !targets.add(asset + "/" + parameter)) {
                problems.add(key + ".parameter: " + asset + "/" + parameter + " is mapped twice");
            }
            // sampling is null without a problem of its own when it defaults to an invalid publishing interval
            if (problems.size() == before && sampling != null) {
                items.add(new Item(key, node, new PointTarget(asset, parameter, unit, classification),
                        sampling.toMillis(), queue.intValue(), kind, deadband.doubleValue()));
            }
        }
        return items;
    }

    /** @return the configuration name of an enum constant: its name in lower case ({@code sign_and_encrypt}) */
    static String key(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** Reads typed keys of one map, adding a problem line per bad value; a bad value reads as {@code null}. */
    private static final class Reader {
        private final Map<?, ?> map;
        private final String prefix;
        private final List<String> problems;

        Reader(Map<?, ?> map, String prefix, List<String> problems) {
            this.map = map;
            this.prefix = prefix;
            this.problems = problems;
        }

        String string(String key, String fallback) {
            Object v = map.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Map || v instanceof List) {
                problems.add(prefix + key + ": must be a string");
                return null;
            }
            return v.toString();
        }

        Number number(String key, Number fallback) {
            Object v = map.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Number n) {
                return n;
            }
            try {
                return Double.valueOf(v.toString().trim());
            } catch (NumberFormatException e) {
                problems.add(prefix + key + ": not a number: " + v);
                return null;
            }
        }

        Duration millis(String key, Duration fallback, long min) {
            Number n = number(key, fallback == null ? null : fallback.toMillis());
            if (n == null) {
                return null;
            }
            if (n.doubleValue() != n.longValue() || n.longValue() < min) {
                problems.add(prefix + key + ": must be an integer >= " + min + ", is " + n);
                return null;
            }
            return Duration.ofMillis(n.longValue());
        }

        <E extends Enum<E>> E choice(String key, Class<E> type, String fallback) {
            String v = string(key, fallback);
            if (v == null) {
                return null;
            }
            for (E e : type.getEnumConstants()) {
                if (key(e).equals(v.toLowerCase(Locale.ROOT))) {
                    return e;
                }
            }
            problems.add(prefix + key + ": must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(OpcUaSettings::key).collect(Collectors.joining(", ")) + ", is " + v);
            return null;
        }
    }
}
