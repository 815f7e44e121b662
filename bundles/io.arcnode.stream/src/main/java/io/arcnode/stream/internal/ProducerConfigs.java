package io.arcnode.stream.internal;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Kafka client properties of the local stream. Serializers are passed as instances, never as class names. */
public final class ProducerConfigs {

    /**
     * How long {@code send} may block when the topic's metadata is unknown (broker down since startup) or the
     * producer's memory is full. Only the stream's own sender thread calls {@code send}, never an adapter thread.
     */
    static final int MAX_BLOCK_MS = 60_000;
    /** Generous ceiling of one Avro measurement plus record overhead, for sizing {@code buffer.memory}. */
    static final long RECORD_BYTES_CEILING = 512;
    /** Kafka's default {@code buffer.memory}, kept as the floor. */
    static final long MIN_BUFFER_MEMORY = 32L * 1024 * 1024;
    /** Back-off cap between connection attempts to a broker that is down (keeps the log quiet). */
    static final int RECONNECT_BACKOFF_MAX_MS = 10_000;

    private ProducerConfigs() {
    }

    /** @return the producer properties: acks=all, idempotent, zstd, linger and batch size from the settings */
    public static Map<String, Object> producer(StreamSettings s, String clientId) {
        Map<String, Object> p = new HashMap<>(common(s, clientId));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // lz4 falls back to pure Java inside OSGi; zstd-jni loads its native library there
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        p.put(ProducerConfig.LINGER_MS_CONFIG, s.lingerMs());
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, s.batchSize());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, bufferMemory(s));
        return p;
    }

    /**
     * @return {@code buffer.memory} that holds {@code buffer_records} readings plus one open batch per partition of
     *         the three raw topics, so the bound of {@link BufferedPublisher} is reached before the producer's memory
     */
    static long bufferMemory(StreamSettings s) {
        long openBatches = 3L * s.partitions() * s.batchSize();
        return Math.max(MIN_BUFFER_MEMORY, s.bufferRecords() * RECORD_BYTES_CEILING + openBatches);
    }

    /** @return the admin client properties */
    public static Map<String, Object> admin(StreamSettings s, String clientId) {
        return common(s, clientId);
    }

    private static Map<String, Object> common(StreamSettings s, String clientId) {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        p.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, RECONNECT_BACKOFF_MAX_MS);
        return p;
    }
}
