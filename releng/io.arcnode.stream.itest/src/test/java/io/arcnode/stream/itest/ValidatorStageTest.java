package io.arcnode.stream.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import io.arcnode.broker.EmbeddedBroker;
import io.arcnode.gateway.validator.internal.Rule;
import io.arcnode.gateway.validator.internal.Validator;
import io.arcnode.gateway.validator.internal.ValidatorStage;
import io.arcnode.stream.api.MeasurementAvro;
import io.arcnode.stream.api.StreamTopics;
import io.arcnode.stream.internal.LocalStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator stage against the real embedded broker: raw records go to {@code telemetry.clean} with their quality
 * or to {@code dlq.telemetry} with the failing rule, once each, also across a restart of the stage.
 */
class ValidatorStageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-01-29T10:00:00Z");

    @TempDir
    Path tmp;

    private static Measurement reading(String asset, double value, long second) {
        Instant t = T0.plusSeconds(second);
        return new Measurement(asset, "supply_temp", value, "celsius", Quality.GOOD, Classification.TELEMETRY,
                new Timestamps(t, t.plusMillis(100)), Map.of("adapter_id", "itest"));
    }

    private static ValidatorStage stage(String bootstrap) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, ValidatorStage.GROUP);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "arcnode-validator-itest");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new ValidatorStage(new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()),
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()),
                new Validator(List.of(new Rule("*", "supply_temp", 0.0, 90.0, null, null, null))));
    }

    /** @return every committed record of {@code topic} */
    private static List<ConsumerRecord<String, byte[]>> read(String bootstrap, String topic) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
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

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void rawRecordsReachCleanOrTheDlqOnceEachAcrossARestart() throws Exception {
        String listen = "127.0.0.1:" + freePort();
        try (EmbeddedBroker broker = EmbeddedBroker.start(tmp.resolve("broker"), listen);
                LocalStream stream = new LocalStream(StreamAgainstBrokerTest.settings(listen), Map.of())) {
            await().atMost(WAIT).until(stream::topicsReady);
            stream.publish(reading("cdu_01", 40, 0)).toCompletableFuture().get();
            stream.publish(reading("cdu_01", 95, 1)).toCompletableFuture().get();       // out of range
            stream.publish(reading("cdu_01", Double.NaN, 2)).toCompletableFuture().get(); // not finite
            stream.publish(reading("cdu_01", 41, 0)).toCompletableFuture().get();       // duplicate device time

            ValidatorStage first = stage(listen);
            Thread t = new Thread(first, "validator-1");
            t.start();
            await().atMost(WAIT).until(() -> read(listen, StreamTopics.TELEMETRY_CLEAN).size() == 1
                    && read(listen, StreamTopics.DLQ_TELEMETRY).size() == 3);
            first.close();
            t.join(WAIT.toMillis());

            ConsumerRecord<String, byte[]> clean = read(listen, StreamTopics.TELEMETRY_CLEAN).get(0);
            assertEquals("cdu_01", clean.key());
            assertEquals(40.0, MeasurementAvro.decode(clean.value()).value());
            assertEquals("GOOD", header(clean, ValidatorStage.QUALITY_HEADER));
            List<String> dlq = read(listen, StreamTopics.DLQ_TELEMETRY).stream()
                    .map(r -> header(r, ValidatorStage.FINDINGS_HEADER)).sorted().toList();
            assertTrue(dlq.get(0).startsWith("duplicate: "), dlq.toString());
            assertTrue(dlq.get(1).startsWith("finite: value is NaN"), dlq.toString());
            assertTrue(dlq.get(2).startsWith("range: value 95.0 outside 0.0..90.0"), dlq.toString());
            assertEquals(Quality.BAD, MeasurementAvro.decode(read(listen, StreamTopics.DLQ_TELEMETRY).get(0).value())
                    .quality());

            // a new stage instance resumes from the committed offsets: only the new record is processed
            stream.publish(reading("cdu_02", 50, 3)).toCompletableFuture().get();
            ValidatorStage second = stage(listen);
            Thread t2 = new Thread(second, "validator-2");
            t2.start();
            await().atMost(WAIT).until(() -> read(listen, StreamTopics.TELEMETRY_CLEAN).size() >= 2);
            second.close();
            t2.join(WAIT.toMillis());
            assertEquals(2, read(listen, StreamTopics.TELEMETRY_CLEAN).size(), "nothing processed twice");
            assertEquals(3, read(listen, StreamTopics.DLQ_TELEMETRY).size(), "nothing processed twice");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }
}
