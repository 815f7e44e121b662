package io.arcnode.config.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The configuration schema, defined in code: sections, their keys, types and rules.
 *
 * <p>Every section is required. A key is either <em>required</em> (must be present; {@code null}
 * only if the key is nullable) or <em>optional</em> (may be absent or {@code null}, both meaning
 * "not set"). Defaults live in {@code cfg.defaults.yml}, never here.
 */
public final class ConfigSchema {

    /** A value type with its rule text. */
    public interface Type {
        /** Human readable rule, used after "must be", e.g. "an integer between 1 and 65535". */
        String describe();

        /** Returns the normalised value, or empty when {@code value} (non-null) violates the rule. */
        Optional<Object> check(Object value);
    }

    /** One key of a section. */
    public record Key(String name, Type type, boolean required, boolean nullable, String meaning) {
    }

    /**
     * A violated cross-key rule: {@code key} is the offending key, {@code causeKey} the key whose value
     * triggered the rule (used to name the file when {@code key} itself is absent).
     */
    public record RuleViolation(String key, String causeKey, String rule) {
    }

    /** A rule spanning several keys of one (already type-checked) section. */
    public interface SectionRule {
        /** @return empty if fine */
        Optional<RuleViolation> check(Map<String, Object> values);
    }

    /** One top-level section, published as ConfigAdmin PID {@code io.arcnode.<name>}. */
    public record Section(String name, List<Key> keys, List<SectionRule> rules, String meaning) {
        public Section {
            keys = List.copyOf(keys);
            rules = List.copyOf(rules);
        }

        public Optional<Key> key(String keyName) {
            return keys.stream().filter(k -> k.name().equals(keyName)).findFirst();
        }
    }

    private final Map<String, Section> sections;

    public ConfigSchema(List<Section> sections) {
        Map<String, Section> m = new LinkedHashMap<>();
        for (Section s : sections) {
            m.put(s.name(), s);
        }
        this.sections = Collections.unmodifiableMap(m);
    }

    /** Sections in declaration order. */
    public Map<String, Section> sections() {
        return sections;
    }

    // ------------------------------------------------------------------ types

    public static Type string() {
        return new Type() {
            public String describe() {
                return "a non-empty string";
            }

            public Optional<Object> check(Object v) {
                return (v instanceof String s && !s.isBlank()) ? Optional.of(s) : Optional.empty();
            }
        };
    }

    public static Type integer(long min, long max) {
        return new Type() {
            public String describe() {
                if (max == Integer.MAX_VALUE) {
                    return "an integer >= " + min;
                }
                return "an integer between " + min + " and " + max;
            }

            public Optional<Object> check(Object v) {
                Long l = asLong(v);
                if (l == null || l < min || l > max) {
                    return Optional.empty();
                }
                return Optional.of(Integer.valueOf(l.intValue()));
            }
        };
    }

    public static Type decimal(double min, double max) {
        return new Type() {
            public String describe() {
                return "a number between " + min + " and " + max;
            }

            public Optional<Object> check(Object v) {
                if (!(v instanceof Number n) || (v instanceof Double d && (d.isNaN() || d.isInfinite()))) {
                    return Optional.empty();
                }
                double d = n.doubleValue();
                return (d < min || d > max) ? Optional.empty() : Optional.of(Double.valueOf(d));
            }
        };
    }

    public static Type bool() {
        return new Type() {
            public String describe() {
                return "true or false";
            }

            public Optional<Object> check(Object v) {
                return v instanceof Boolean ? Optional.of(v) : Optional.empty();
            }
        };
    }

    public static Type oneOf(String... values) {
        List<String> allowed = List.of(values);
        return new Type() {
            public String describe() {
                return "one of " + String.join(", ", allowed);
            }

            public Optional<Object> check(Object v) {
                return (v instanceof String s && allowed.contains(s)) ? Optional.of(s) : Optional.empty();
            }
        };
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");

    public static Type email() {
        return new Type() {
            public String describe() {
                return "an e-mail address like name@example.com";
            }

            public Optional<Object> check(Object v) {
                return (v instanceof String s && EMAIL.matcher(s).matches()) ? Optional.of(s) : Optional.empty();
            }
        };
    }

    /** Integral YAML numbers only (no strings, no 8080.0). */
    private static Long asLong(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? b.longValue() : (b.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
        }
        if (v instanceof BigDecimal) {
            return null;
        }
        return null;
    }

    // ------------------------------------------------------------------ helpers for the schema below

    static Key req(String name, Type t, String meaning) {
        return new Key(name, t, true, false, meaning);
    }

    static Key reqNullable(String name, Type t, String meaning) {
        return new Key(name, t, true, true, meaning);
    }

    static Key opt(String name, Type t, String meaning) {
        return new Key(name, t, false, true, meaning);
    }

    static Section section(String name, String meaning, Key... keys) {
        return new Section(name, Arrays.asList(keys), List.of(), meaning);
    }

    /** A key that must be set (non-null) when {@code key} has value {@code value}. */
    static SectionRule requiredWhen(String key, String value, String... requiredKeys) {
        return values -> {
            if (value.equals(values.get(key))) {
                for (String r : requiredKeys) {
                    if (values.get(r) == null) {
                        return Optional.of(new RuleViolation(r, key, "is required when " + key + " is " + value));
                    }
                }
            }
            return Optional.empty();
        };
    }

    /** The ArcNode schema. */
    public static ConfigSchema arcnode() {
        List<Section> s = new ArrayList<>();
        s.add(section("gateway", "identity and working directory of this gateway",
                req("gateway_id", string(), "unique id of this gateway/deploy"),
                req("data_dir", string(), "directory for runtime data (relative paths resolved by consumers)"),
                req("simulate", bool(), "SIM mode: start the protocol simulators as the adapters' peers"),
                opt("adapters_file", string(), "YAML file of the gateway configuration's adapters (spec 004)"),
                opt("initial_dtm", string(), "DTM file applied when the gateway holds no topology yet"),
                opt("validation_rules", string(), "YAML file of the validator's data quality rules (spec 004)"),
                opt("aggregation_rules", string(), "YAML file of the aggregator's pipelines and lateness (spec 004)"),
                opt("alarm_rules", string(), "YAML file of the alarm conditions (spec 004 Alarm Lifecycle)")));
        s.add(section("http", "HTTP server",
                req("port", integer(1, 65535), "TCP port of the HTTP server"),
                req("host", string(), "bind address, e.g. 0.0.0.0 or 127.0.0.1")));
        s.add(section("stream", "event stream (Kafka-compatible)",
                req("bootstrap_servers", string(), "comma separated host:port list"),
                req("embedded", bool(), "start the embedded broker in-process"),
                req("partitions", integer(1, Integer.MAX_VALUE), "partitions per topic"),
                req("replication_factor", integer(1, Integer.MAX_VALUE), "replication factor per topic"),
                req("linger_ms", integer(0, 60_000), "producer linger.ms: how long a batch waits for more records"),
                req("batch_size", integer(1, 16_777_216), "producer batch.size in bytes per partition"),
                req("buffer_records", integer(1, 10_000_000),
                        "readings handed to the producer and not yet acknowledged; beyond it a reading is a gap"),
                opt("disk_budget_mb", integer(0, Integer.MAX_VALUE),
                        "broker disk budget of the overflow tiers in MiB; 0: the broker log volume's size"),
                opt("overflow_check_interval_s", integer(1, 3600),
                        "seconds between two overflow checks of the broker's disk use")));
        s.add(section("artifact_store", "artifact storage (S3 bucket or local directory)",
                req("bucket", string(), "bucket name, arcnode-artifacts"),
                opt("local_path", string(), "local directory for artifacts when not using S3"),
                reqNullable("s3_endpoint_url", string(),
                        "S3 endpoint override (LocalStack); null means real AWS")));
        s.add(section("platform_db", "platform database",
                req("jdbc_url", string(), "JDBC URL"),
                req("user", string(), "database user (password is the secret PLATFORM_DB_PASSWORD)")));
        List<Key> emailKeys = List.of(
                req("mode", oneOf("outbox", "smtp"), "outbox writes mails to files, smtp sends them"),
                opt("outbox_dir", string(), "directory for mode outbox (required then)"),
                opt("smtp_host", string(), "SMTP host for mode smtp (required then)"),
                opt("smtp_port", integer(1, 65535), "SMTP port for mode smtp (required then)"),
                req("from", email(), "sender address"));
        s.add(new Section("email", emailKeys,
                List.of(requiredWhen("mode", "outbox", "outbox_dir"),
                        requiredWhen("mode", "smtp", "smtp_host", "smtp_port")),
                "outgoing e-mail"));
        s.add(section("logging", "logging",
                req("level", oneOf("TRACE", "DEBUG", "INFO", "WARN", "ERROR"), "root log level")));
        s.add(section("sink_jdbc", "JDBC sink: telemetry into PostgreSQL/TimescaleDB or H2 (spec 004)",
                req("enabled", bool(), "run the sink"),
                opt("url", string(), "jdbc:postgresql: or jdbc:h2: URL; none: H2 file <gateway.data_dir>/sink/telemetry"),
                opt("user", string(), "database user (password is the secret SINK_JDBC_PASSWORD)"),
                req("table", string(), "table of the readings (lower-case SQL identifier)"),
                req("batch_size", integer(1, 10_000), "records per poll and per database write"),
                req("topics", string(), "comma separated measurement topics the sink consumes")));
        s.add(section("sink_s3", "S3 sink: time-partitioned Avro objects (io.arcnode.sink.s3)",
                req("enabled", bool(), "run the sink"),
                req("topics", string(), "comma separated topics; telemetry.* as measurements, others raw"),
                req("bucket", string(), "bucket (must exist)"),
                req("prefix", string(), "key prefix without leading/trailing slash; empty: none"),
                reqNullable("endpoint_url", string(), "S3-compatible endpoint; null means AWS"),
                reqNullable("region", string(), "signing region; null means us-east-1"),
                req("path_style", bool(), "path-style requests"),
                req("batch_size", integer(1, 10_000), "records per poll and write"),
                req("chunk_records", integer(1, 1_000_000), "offsets per object window")));
        s.add(section("sink_alertrouter", "alert router sink (io.arcnode.sink.alertrouter)",
                req("enabled", bool(), "run the router"),
                reqNullable("routes_file", string(), "routing table YAML (product root relative)"),
                req("batch_size", integer(1, 10_000), "records per poll")));
        s.add(section("sink_kafka", "Kafka sink: replicates local topics to a customer Kafka cluster (spec 004)",
                req("enabled", bool(), "whether the sink runs"),
                opt("bootstrap_servers", string(), "target cluster host:port list (required when enabled)"),
                req("topics", string(), "comma separated local topics to replicate"),
                opt("topic_prefix", string(), "put before each local topic name to make the target topic"),
                opt("topic_rename", string(), "local=target topic pairs, comma separated; win over the prefix"),
                opt("properties", string(), "target client settings name=value;... (TLS/SASL; secrets in secrets.env)"),
                req("batch_size", integer(1, 10_000), "records per poll and target transaction"),
                req("timeout_ms", integer(1000, 300_000), "how long one call to the target may block")));
        s.add(section("sink_http", "HTTP sink: measurements as batched JSON POSTs (spec 004)",
                req("enabled", bool(), "whether the sink runs"),
                opt("url", string(), "http(s) URL each batch is POSTed to (required when enabled)"),
                req("topics", string(), "comma separated measurement topics"),
                opt("headers", string(), "extra request headers, Name: value; Name2: value2"),
                req("auth", oneOf("none", "bearer", "basic"), "bearer: SINK_HTTP_TOKEN, basic: user + SINK_HTTP_PASSWORD"),
                opt("user", string(), "user of auth basic"),
                req("timeout_ms", integer(1000, 300_000), "connect and request timeout"),
                req("batch_size", integer(1, 10_000), "records per poll and request")));
        return new ConfigSchema(s);
    }
}
