package io.arcnode.stream.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code stream} configuration section (PID {@code io.arcnode.stream}), validated. The config bundle checks
 * the same rules on load; this is the consumer's own guard against a hand-made ConfigAdmin record.
 *
 * @param bootstrapServers  {@code host:port[,host:port]}
 * @param embedded          whether bin/arcnode starts the embedded broker (informational here)
 * @param partitions        partitions per created topic
 * @param replicationFactor replication factor per created topic
 * @param lingerMs          producer {@code linger.ms}
 * @param batchSize         producer {@code batch.size} in bytes
 * @param bufferRecords     readings handed to the producer and not yet acknowledged at most; beyond: gaps
 */
public record StreamSettings(String bootstrapServers, boolean embedded, int partitions, short replicationFactor,
                             int lingerMs, int batchSize, int bufferRecords) {

    /** Upper bound of {@code buffer_records} (as in the config schema). */
    static final int MAX_BUFFER_RECORDS = 10_000_000;

    /**
     * @throws IllegalArgumentException naming every key that is missing or out of range
     */
    public static StreamSettings from(Map<String, ?> props) {
        List<String> problems = new ArrayList<>();
        Object servers = props.get("bootstrap_servers");
        if (!(servers instanceof String s) || s.isBlank()) {
            problems.add("bootstrap_servers: must be a non-empty host:port list");
        }
        Object embedded = props.get("embedded");
        if (!(embedded instanceof Boolean)) {
            problems.add("embedded: must be true or false");
        }
        int partitions = integer(props, "partitions", 1, Integer.MAX_VALUE, problems);
        int rf = integer(props, "replication_factor", 1, Short.MAX_VALUE, problems);
        int linger = integer(props, "linger_ms", 0, 60_000, problems);
        int batch = integer(props, "batch_size", 1, 16_777_216, problems);
        int buffer = integer(props, "buffer_records", 1, MAX_BUFFER_RECORDS, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("stream configuration: " + String.join("; ", problems));
        }
        return new StreamSettings(((String) servers).trim(), (Boolean) embedded, partitions, (short) rf, linger, batch,
                buffer);
    }

    private static int integer(Map<String, ?> props, String key, int min, int max, List<String> problems) {
        Object v = props.get(key);
        if ((v instanceof Integer || v instanceof Long || v instanceof Short)
                && ((Number) v).longValue() >= min && ((Number) v).longValue() <= max) {
            return ((Number) v).intValue();
        }
        problems.add(key + ": must be an integer between " + min + " and " + max);
        return 0;
    }
}
