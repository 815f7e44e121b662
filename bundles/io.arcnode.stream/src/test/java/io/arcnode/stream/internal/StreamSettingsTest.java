package io.arcnode.stream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.stream.api.StreamTopics;

class StreamSettingsTest {

    static Map<String, Object> section() {
        Map<String, Object> m = new HashMap<>();
        m.put("bootstrap_servers", "127.0.0.1:9092");
        m.put("embedded", true);
        m.put("partitions", 12);
        m.put("replication_factor", 1);
        m.put("linger_ms", 5);
        m.put("batch_size", 65536);
        m.put("buffer_records", 100_000);
        return m;
    }

    @Test
    void theSectionBecomesSettings() {
        assertEquals(new StreamSettings("127.0.0.1:9092", true, 12, (short) 1, 5, 65536, 100_000),
                StreamSettings.from(section()));
    }

    @Test
    void everyBadKeyIsNamed() {
        Map<String, Object> m = section();
        m.remove("bootstrap_servers");
        m.put("partitions", 0);
        m.put("linger_ms", "5");
        m.put("buffer_records", 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StreamSettings.from(m));
        assertEquals("stream configuration: bootstrap_servers: must be a non-empty host:port list; "
                + "partitions: must be an integer between 1 and 2147483647; "
                + "linger_ms: must be an integer between 0 and 60000; "
                + "buffer_records: must be an integer between 1 and 10000000", e.getMessage());
    }

    @Test
    void producerIsAcksAllIdempotentZstdWithTheConfiguredBatching() {
        Map<String, Object> p = ProducerConfigs.producer(StreamSettings.from(section()), "x");
        assertEquals("all", p.get(ProducerConfig.ACKS_CONFIG));
        assertEquals(true, p.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals("zstd", p.get(ProducerConfig.COMPRESSION_TYPE_CONFIG));
        assertEquals(5, p.get(ProducerConfig.LINGER_MS_CONFIG));
        assertEquals(65536, p.get(ProducerConfig.BATCH_SIZE_CONFIG));
        assertEquals("127.0.0.1:9092", p.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    @Test
    void producerMemoryHoldsTheBufferedReadingsAndOneOpenBatchPerPartition() {
        StreamSettings big = StreamSettings.from(section());
        assertEquals(100_000L * 512 + 3L * 12 * 65536, ProducerConfigs.producer(big, "x")
                .get(ProducerConfig.BUFFER_MEMORY_CONFIG));
        Map<String, Object> m = section();
        m.put("buffer_records", 10);
        assertEquals(32L * 1024 * 1024, ProducerConfigs.bufferMemory(StreamSettings.from(m)), "Kafka's default floor");
    }

    @Test
    void topicByClassification() {
        assertEquals("telemetry.raw", StreamTopics.rawTopic(Classification.TELEMETRY));
        assertEquals("events.raw", StreamTopics.rawTopic(Classification.EVENT));
        assertEquals("alarms.raw", StreamTopics.rawTopic(Classification.ALARM));
        assertEquals(11, StreamTopics.ALL.size());
    }
}
