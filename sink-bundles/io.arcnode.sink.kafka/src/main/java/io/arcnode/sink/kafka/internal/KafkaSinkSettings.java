package io.arcnode.sink.kafka.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The validated settings of section {@code sink_kafka} (PID {@code io.arcnode.sink_kafka}). The types are checked
 * by the configuration schema; the rules here are the ones it cannot express.
 *
 * @param enabled     whether the sink runs
 * @param bootstrap   the target cluster's {@code host:port} list
 * @param topics      the local topics replicated
 * @param prefix      put before a local topic's name to make the target topic (empty: none)
 * @param rename      local topic to target topic, wins over the prefix
 * @param properties  client settings passed to the target's producer, consumer and admin (security), secrets
 *                    included
 * @param batchSize   records per poll and target transaction
 * @param timeout     how long one call to the target may block
 * @param gatewayId   {@code gateway.gateway_id}: provenance header, transactional id, offsets topic
 */
record KafkaSinkSettings(boolean enabled, String bootstrap, List<String> topics, String prefix,
        Map<String, String> rename, Map<String, Object> properties, int batchSize, Duration timeout,
        String gatewayId) {

    /** Section name in the configuration. */
    static final String SECTION = "sink_kafka";
    /** Secret: the target's {@code sasl.jaas.config}. */
    static final String JAAS_SECRET = "SINK_KAFKA_SASL_JAAS_CONFIG";
    /** Secret: {@code ssl.keystore.password}. */
    static final String KEYSTORE_SECRET = "SINK_KAFKA_SSL_KEYSTORE_PASSWORD";
    /** Secret: {@code ssl.truststore.password}. */
    static final String TRUSTSTORE_SECRET = "SINK_KAFKA_SSL_TRUSTSTORE_PASSWORD";
    /** Secret: {@code ssl.key.password}. */
    static final String KEY_SECRET = "SINK_KAFKA_SSL_KEY_PASSWORD";
    /** Secret name to the client property it sets. */
    static final Map<String, String> SECRETS = Map.of(JAAS_SECRET, "sasl.jaas.config",
            KEYSTORE_SECRET, "ssl.keystore.password", TRUSTSTORE_SECRET, "ssl.truststore.password",
            KEY_SECRET, "ssl.key.password");

    /** Client settings the sink sets itself; {@code properties} must not touch them. */
    static final Set<String> RESERVED = Set.of("bootstrap.servers", "transactional.id", "enable.idempotence", "acks",
            "key.serializer", "value.serializer", "key.deserializer", "value.deserializer", "isolation.level",
            "group.id", "enable.auto.commit", "max.block.ms", "request.timeout.ms", "delivery.timeout.ms",
            "default.api.timeout.ms", "transaction.timeout.ms");

    static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern PROPERTY = Pattern.compile("[a-z][a-z0-9.-]*");

    /** A setting breaks a rule; the message names the key and the rule. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String key, String rule) {
            super("configuration key " + key + ": " + rule);
        }

        static Invalid of(String key, String rule) {
            return new Invalid(SECTION + "." + key, rule);
        }
    }

    /**
     * @param props     the section's values (absent: not set)
     * @param gatewayId {@code gateway.gateway_id}
     * @param secrets   looks up a secret of {@link #SECRETS}
     */
    static KafkaSinkSettings from(Map<String, ?> props, String gatewayId, Function<String, Optional<String>> secrets)
            throws Invalid {
        boolean enabled = Boolean.TRUE.equals(props.get("enabled"));
        Object bootstrap = props.get("bootstrap_servers");
        if (enabled && bootstrap == null) {
            throw Invalid.of("bootstrap_servers", "is required when " + SECTION + ".enabled is true");
        }
        List<String> topics = topics(props.get("topics"));
        Object p = props.get("topic_prefix");
        String prefix = p == null ? "" : p.toString().strip();
        if (!prefix.isEmpty() && !TOPIC.matcher(prefix).matches()) {
            throw Invalid.of("topic_prefix", "'" + prefix + "' may hold only a-z A-Z 0-9 . _ -");
        }
        Map<String, String> rename = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : pairs(props.get("topic_rename"), "topic_rename", ",", '=').entrySet()) {
            if (!topics.contains(e.getKey())) {
                throw Invalid.of("topic_rename", "'" + e.getKey() + "' is not one of " + SECTION + ".topics");
            }
            if (!TOPIC.matcher(e.getValue()).matches()) {
                throw Invalid.of("topic_rename", "'" + e.getValue() + "' is not a topic name");
            }
            rename.put(e.getKey(), e.getValue());
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : pairs(props.get("properties"), "properties", ";", '=').entrySet()) {
            String k = e.getKey();
            if (!PROPERTY.matcher(k).matches()) {
                throw Invalid.of("properties", "'" + k + "' is not a Kafka client property name");
            }
            if (RESERVED.contains(k)) {
                throw Invalid.of("properties", "'" + k + "' is set by the sink itself");
            }
            if (SECRETS.containsValue(k) || k.endsWith(".password")) {
                throw Invalid.of("properties", "'" + k + "' is a secret: set it in secrets.env ("
                        + String.join(", ", SECRETS.keySet()) + ")");
            }
            properties.put(k, e.getValue());
        }
        for (Map.Entry<String, String> s : SECRETS.entrySet()) {
            secrets.apply(s.getKey()).ifPresent(v -> properties.put(s.getValue(), v));
        }
        int batch = number(props, "batch_size", 1, 10_000);
        int timeoutMs = number(props, "timeout_ms", 1000, 300_000);
        if (enabled && (gatewayId == null || !TOPIC.matcher(gatewayId).matches() || gatewayId.length() > 180)) {
            throw new Invalid("gateway.gateway_id", "'" + gatewayId + "' names the replication offsets topic of "
                    + SECTION + ": only a-z A-Z 0-9 . _ -, at most 180 characters");
        }
        return new KafkaSinkSettings(enabled, bootstrap == null ? null : bootstrap.toString(), topics, prefix,
                Map.copyOf(rename), properties, batch, Duration.ofMillis(timeoutMs), gatewayId);
    }

    /** Without the client properties' values (secrets among them). */
    @Override
    public String toString() {
        return "sink_kafka[" + bootstrap + ", topics " + topics + ", prefix '" + prefix + "', rename " + rename
                + ", properties " + properties.keySet() + ", batch " + batchSize + ", timeout " + timeout + "]";
    }

    /** @return the target topic of local topic {@code topic} */
    String targetTopic(String topic) {
        return rename.getOrDefault(topic, prefix + topic);
    }

    /** @return the compacted topic in the target cluster holding the replicated source offsets */
    String offsetsTopic() {
        return "arcnode.replication." + gatewayId + ".offsets";
    }

    /** @return the target producer's transactional id (one replicating instance per gateway) */
    String transactionalId() {
        return "arcnode-replication-" + gatewayId;
    }

    private static List<String> topics(Object value) throws Invalid {
        List<String> topics = new ArrayList<>();
        for (String t : String.valueOf(value).split(",")) {
            String topic = t.strip();
            if (!TOPIC.matcher(topic).matches()) {
                throw Invalid.of("topics", "'" + topic + "' is not a topic name (comma separated list)");
            }
            if (!topics.contains(topic)) {
                topics.add(topic);
            }
        }
        return List.copyOf(topics);
    }

    /** Parses {@code a=b<sep>c=d}; null or blank: empty. */
    static Map<String, String> pairs(Object value, String key, String separator, char assign) throws Invalid {
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null || value.toString().isBlank()) {
            return out;
        }
        for (String item : value.toString().split(Pattern.quote(separator))) {
            if (item.isBlank()) {
                continue;
            }
            int at = item.indexOf(assign);
            if (at <= 0 || item.substring(0, at).isBlank()) {
                throw Invalid.of(key, "'" + item.strip() + "' must be name" + assign + "value (items separated by '"
                        + separator + "')");
            }
            String name = item.substring(0, at).strip();
            if (out.containsKey(name)) {
                throw Invalid.of(key, "'" + name + "' is given twice");
            }
            out.put(name, item.substring(at + 1).strip());
        }
        return out;
    }

    private static int number(Map<String, ?> props, String key, int min, int max) throws Invalid {
        Object v = props.get(key);
        if (!(v instanceof Number n) || n.intValue() < min || n.intValue() > max) {
            throw Invalid.of(key, "must be an integer between " + min + " and " + max);
        }
        return n.intValue();
    }
}
