package io.arcnode.sink.itest;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import io.arcnode.broker.EmbeddedBroker;
import io.arcnode.stream.api.MeasurementAvro;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The real embedded KRaft broker on loopback, with helpers to create topics, produce measurements and read back.
 * Shared with the S3 sink and alert router itests through this module's test-jar.
 */
public final class StreamFixture implements AutoCloseable {

    public static final Instant T0 = Instant.parse("2026-01-29T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final EmbeddedBroker broker;
    private final Admin admin;
    private final Producer<String, byte[]> producer;

    public StreamFixture(Path dir) {
        broker = EmbeddedBroker.start(dir, "127.0.0.1:" + freePort());
        Map<String, Object> a = new HashMap<>();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        admin = Admin.create(a);
        producer = producer();
    }

    public String bootstrap() {
        return broker.bootstrap();
    }

    /** @return an idempotent {@code acks=all} producer (the caller closes it) */
    public Producer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Creates topics (12 partitions like the gateway's), waiting until every partition has its leader. */
    public void createTopics(String... topics) throws InterruptedException, ExecutionException {
        for (String t : topics) {
            try {
                admin.createTopics(List.of(new NewTopic(t, 12, (short) 1))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            // a send right after the creation can meet a partition without leader (NotLeaderOrFollower, then the
            // idempotent producer's sequence breaks): wait for the leaders first
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> {
                try {
                    return admin.describeTopics(List.of(t)).allTopicNames().get().get(t).partitions().stream()
                            .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                } catch (ExecutionException e) {
                    return false;
                }
            });
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> producer.partitionsFor(t).stream()
                    .allMatch(p -> p.leader() != null));
        }
    }

    /** Reading {@code i}: asset {@code asset_<i % 50>}, value {@code i}, device time T0 + i ms (unique key). */
    public static Measurement reading(int i) {
        Instant t = T0.plusMillis(i);
        return new Measurement("asset_" + (i % 50), "supply_temp", i, "celsius", Quality.GOOD, Classification.TELEMETRY,
                new Timestamps(t, t.plusMillis(20)), Map.of("adapter_id", "itest"));
    }

    /** Sends and waits for the acknowledgement of each record. */
    public void send(String topic, List<Measurement> readings) throws InterruptedException, ExecutionException {
        List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
        for (Measurement m : readings) {
            acks.add(producer.send(new ProducerRecord<>(topic, m.assetId(), MeasurementAvro.encode(m))));
        }
        for (java.util.concurrent.Future<?> f : acks) {
            f.get();
        }
    }

    /** Sends raw bytes (not a measurement). */
    public void sendRaw(String topic, String key, byte[] value) throws InterruptedException, ExecutionException {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    /** Sets every partition of {@code topic} for (idle) {@code group} back to offset 0: the sink replays all. */
    public void resetGroup(String group, String topic) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(p -> zero.put(new TopicPartition(topic, p.partition()), new OffsetAndMetadata(0)));
        admin.alterConsumerGroupOffsets(group, zero).all().get();
    }

    /** @return every record of {@code topic} */
    public List<ConsumerRecord<String, byte[]>> read(String topic) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
        broker.close();
    }

    /** @return a TCP port free on loopback now */
    public static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
