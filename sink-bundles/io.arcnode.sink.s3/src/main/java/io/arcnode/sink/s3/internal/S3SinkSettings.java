package io.arcnode.sink.s3.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The validated settings of section {@code sink_s3} (PID {@code io.arcnode.sink_s3}); the schema checks the types,
 * these are the rules it cannot express.
 *
 * @param enabled         whether the sink runs
 * @param topics          the topics consumed
 * @param bucket          the bucket (must exist)
 * @param prefix          key prefix, without leading or trailing slash; empty: none
 * @param endpointUrl     endpoint override of an S3-compatible server; null: AWS
 * @param region          signing region; null: {@code us-east-1}
 * @param pathStyle       path-style requests (most S3-compatible servers)
 * @param batchSize       records per poll and write
 * @param chunkRecords    offsets per object window
 * @param accessKeyId     secret {@value #ACCESS_KEY_SECRET}; null: the SDK's chain
 * @param secretAccessKey secret {@value #SECRET_KEY_SECRET}
 */
record S3SinkSettings(boolean enabled, List<String> topics, String bucket, String prefix, String endpointUrl,
        String region, boolean pathStyle, int batchSize, int chunkRecords, String accessKeyId,
        String secretAccessKey) {

    static final String SECTION = "sink_s3";
    static final String ACCESS_KEY_SECRET = "SINK_S3_ACCESS_KEY_ID";
    static final String SECRET_KEY_SECRET = "SINK_S3_SECRET_ACCESS_KEY";

    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9_.=-]+(/[A-Za-z0-9_.=-]+)*)?");

    /** A setting breaks a rule; the message names the key and the rule. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String key, String rule) {
            super("configuration key " + SECTION + "." + key + ": " + rule);
        }
    }

    @Override
    public String toString() { // never the secret
        return "S3SinkSettings[" + topics + " -> " + (endpointUrl == null ? "s3" : endpointUrl) + "/" + bucket + "/"
                + prefix + "]";
    }

    static S3SinkSettings from(Map<String, ?> p, Optional<String> accessKeyId, Optional<String> secretKey)
            throws Invalid {
        boolean enabled = Boolean.TRUE.equals(p.get("enabled"));
        List<String> topics = new ArrayList<>();
        for (String t : String.valueOf(p.get("topics")).split(",")) {
            String topic = t.strip();
            if (!TOPIC.matcher(topic).matches()) {
                throw new Invalid("topics", "'" + topic + "' is not a topic name (comma separated list)");
            }
            topics.add(topic);
        }
        String bucket = String.valueOf(p.get("bucket"));
        if (!BUCKET.matcher(bucket).matches()) {
            throw new Invalid("bucket", "'" + bucket + "' must be an S3 bucket name (3-63 of a-z 0-9 . -)");
        }
        Object pre = p.get("prefix");
        String prefix = pre == null ? "" : pre.toString();
        if (!PREFIX.matcher(prefix).matches()) {
            throw new Invalid("prefix", "'" + prefix + "' must be path segments of A-Z a-z 0-9 _ . = - separated by /"
                    + " without leading or trailing /");
        }
        Object endpoint = p.get("endpoint_url");
        if (endpoint != null && !endpoint.toString().matches("https?://[^\\s/]+(/.*)?")) {
            throw new Invalid("endpoint_url", "'" + endpoint + "' must be an http:// or https:// URL");
        }
        Object region = p.get("region");
        int batch = integer(p, "batch_size", 1, 10_000);
        int chunk = integer(p, "chunk_records", 1, 1_000_000);
        if (accessKeyId.isPresent() != secretKey.isPresent()) {
            throw new Invalid("credentials", "set both secrets " + ACCESS_KEY_SECRET + " and " + SECRET_KEY_SECRET
                    + " or neither");
        }
        return new S3SinkSettings(enabled, List.copyOf(topics), bucket, prefix,
                endpoint == null ? null : endpoint.toString(), region == null ? null : region.toString(),
                Boolean.TRUE.equals(p.get("path_style")), batch, chunk, accessKeyId.orElse(null),
                secretKey.orElse(null));
    }

    private static int integer(Map<String, ?> p, String key, int min, int max) throws Invalid {
        Object v = p.get(key);
        if (!(v instanceof Number n) || n.longValue() < min || n.longValue() > max) {
            throw new Invalid(key, "must be an integer between " + min + " and " + max);
        }
        return n.intValue();
    }
}
