package io.arcnode.sink.jdbc.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The validated settings of section {@code sink_jdbc} (PID {@code io.arcnode.sink_jdbc}). The types are checked by
 * the configuration schema; the rules here are the ones it cannot express.
 *
 * @param enabled   whether the sink runs
 * @param target    the database; without {@code url}: the H2 file {@code <gateway.data_dir>/sink/telemetry}
 * @param batchSize records per poll and write
 * @param topics    the measurement topics consumed
 */
record JdbcSinkSettings(boolean enabled, JdbcTarget target, int batchSize, List<String> topics) {

    /** Section name in the configuration. */
    static final String SECTION = "sink_jdbc";
    /** The secret holding the database password. */
    static final String PASSWORD_SECRET = "SINK_JDBC_PASSWORD";

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,47}");
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** A setting breaks a rule; the message names the key and the rule. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String key, String rule) {
            super("configuration key " + SECTION + "." + key + ": " + rule);
        }
    }

    /**
     * @param props    the section's values (absent: not set)
     * @param dataDir  {@code gateway.data_dir}
     * @param password the secret {@value #PASSWORD_SECRET}
     */
    static JdbcSinkSettings from(Map<String, ?> props, String dataDir, Optional<String> password) throws Invalid {
        boolean enabled = Boolean.TRUE.equals(props.get("enabled"));
        Object url = props.get("url");
        String jdbcUrl;
        if (url == null) {
            jdbcUrl = "jdbc:h2:file:" + Path.of(dataDir).toAbsolutePath().normalize().resolve("sink").resolve("telemetry")
                    + ";DB_CLOSE_ON_EXIT=FALSE";
        } else {
            jdbcUrl = url.toString();
            try {
                Dialect.of(jdbcUrl);
            } catch (IllegalArgumentException e) {
                throw new Invalid("url", e.getMessage());
            }
        }
        String table = String.valueOf(props.get("table"));
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new Invalid("table", "'" + table + "' must be a lower-case SQL identifier ([a-z_][a-z0-9_]{0,47})");
        }
        Object batch = props.get("batch_size");
        if (!(batch instanceof Number n) || n.intValue() < 1 || n.intValue() > 10_000) {
            throw new Invalid("batch_size", "must be an integer between 1 and 10000");
        }
        List<String> topics = new ArrayList<>();
        for (String t : String.valueOf(props.get("topics")).split(",")) {
            String topic = t.strip();
            if (!TOPIC.matcher(topic).matches()) {
                throw new Invalid("topics", "'" + topic + "' is not a topic name (comma separated list)");
            }
            topics.add(topic);
        }
        Object user = props.get("user");
        return new JdbcSinkSettings(enabled, new JdbcTarget(jdbcUrl, user == null ? null : user.toString(),
                password.orElse(null), table), n.intValue(), List.copyOf(topics));
    }
}
