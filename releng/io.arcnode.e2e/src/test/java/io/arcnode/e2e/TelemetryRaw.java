package io.arcnode.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a gateway's {@code telemetry.raw} on its broker with a real Kafka consumer and decodes every record with
 * plain Apache Avro from the schema file the stream bundle ships (single-object encoding), as any consumer would.
 */
final class TelemetryRaw {

    static final String TOPIC = "telemetry.raw";

    private TelemetryRaw() {
    }

    /** @return the number of records in the topic (sum of end offsets), -1 while it cannot be asked (no topic yet) */
    static long count(String bootstrap) {
        return count(bootstrap, TOPIC);
    }

    /** @return as {@link #count(String)} for another topic of the gateway's stream */
    static long count(String bootstrap, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                4000))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
            partitions.forEach(p -> ask.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(ask).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    /** @return every record of the topic up to its current end, decoded */
    static List<GenericRecord> readAll(String bootstrap) throws IOException {
        return readAll(bootstrap, TOPIC, "measurement-v1.avsc");
    }

    /**
     * @param schemaFile the stream bundle's schema of the topic's records ({@code measurement-v1.avsc},
     *                   {@code aggregate-v1.avsc})
     * @return every committed record of {@code topic} up to its current end, decoded ({@code read_committed}: the
     *         validator and aggregator write in transactions)
     */
    static List<GenericRecord> readAll(String bootstrap, String topic, String schemaFile) throws IOException {
        Schema schema = new Schema.Parser().parse(Products.repo()
                .resolve(Path.of("bundles/io.arcnode.stream/src/main/resources/avro", schemaFile)).toFile());
        BinaryMessageDecoder<GenericRecord> decoder = new BinaryMessageDecoder<>(GenericData.get(), schema);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<GenericRecord> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("could not read " + topic + " to its end within 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    out.add(decoder.decode(r.value()));
                }
            }
        }
        return out;
    }
}
