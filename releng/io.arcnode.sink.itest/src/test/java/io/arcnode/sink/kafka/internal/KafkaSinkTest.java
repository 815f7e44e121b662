package io.arcnode.sink.kafka.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.health.HealthStatus;
import io.arcnode.broker.EmbeddedBroker;
import io.arcnode.sink.api.CircuitBreaker;
import io.arcnode.sink.api.KafkaDeadLetters;
import io.arcnode.sink.api.SinkLoop;
import io.arcnode.sink.itest.StreamFixture;
import io.arcnode.sink.itest.TestClock;
import io.arcnode.stream.api.MeasurementAvro;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka sink between two real embedded brokers: the gateway's stream and a "customer" cluster. Each record
 * arrives once (read_committed), with its key, value, headers and provenance; a replay of the whole source adds
 * nothing; with the target stopped the breaker opens and the lag grows, after its restart everything arrives once.
 */
class KafkaSinkTest {

    /** Generous: with the target down each failed write takes a few timeouts (3 s each) on a shared machine. */
    private static final Duration WAIT = Duration.ofSeconds(240);
    private static final String GATEWAY = "itest-gw";

    @TempDir
    static Path tmp;
    static StreamFixture stream;
    static String targetListen;
    static EmbeddedBroker target;

    @BeforeAll
    static void start() {
        stream = new StreamFixture(tmp.resolve("source"));
        targetListen = "127.0.0.1:" + TestClock.freePort();
        target = EmbeddedBroker.start(tmp.resolve("target"), targetListen);
    }

    @AfterAll
    static void stop() {
        if (target != null) {
            target.close();
        }
        if (stream != null) {
            stream.close();
        }
    }

    static KafkaSinkSettings settings(String topic, String extra) throws Exception {
        Map<String, Object> m = new HashMap<>();
        m.put("enabled", true);
        m.put("bootstrap_servers", targetListen);
        m.put("topics", topic);
        m.put("topic_prefix", "site1.");
        m.put("properties", "client.dns.lookup=use_all_dns_ips" + extra);
        m.put("batch_size", 100);
        m.put("timeout_ms", 3000);
        return KafkaSinkSettings.from(m, GATEWAY, n -> Optional.empty());
    }

    @Test
    void eachRecordOnceWithProvenanceAndAReplayAddsNothing() throws Exception {
        String topic = "telemetry.itest_kafka";
        stream.createTopics(topic);
        try (Producer<String, byte[]> p = stream.producer()) {
            for (int i = 0; i < 300; i++) {
                ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, "asset_" + (i % 50),
                        MeasurementAvro.encode(StreamFixture.reading(i)));
                r.headers().add("trace", ("t" + i).getBytes(StandardCharsets.UTF_8));
                p.send(r).get();
            }
        }
        KafkaSinkSettings s = settings(topic, "");
        AtomicLong skipped = new AtomicLong();
        try (Producer<String, byte[]> dlq = stream.producer()) {
            try (SinkLoop<ConsumerRecord<String, byte[]>> loop = loop(s, "itest-kafka", dlq, new CircuitBreaker(
                    new TestClock(StreamFixture.T0)), skipped)) {
                loop.start();
                await().atMost(WAIT).until(() -> loop.recordsOut() == 300 && loop.lag() == 0);
                assertEquals(HealthStatus.HEALTHY, loop.health().status());
            }
            List<ConsumerRecord<String, byte[]>> got = readTarget("site1." + topic);
            assertEquals(300, got.size());
            Map<String, ConsumerRecord<String, byte[]>> source = new HashMap<>();
            stream.read(topic).forEach(r -> source.put(r.partition() + "@" + r.offset(), r));
            Set<String> seen = new HashSet<>();
            for (ConsumerRecord<String, byte[]> r : got) {
                assertEquals(GATEWAY, header(r, ReplicationWriter.GATEWAY_HEADER));
                assertEquals(topic, header(r, ReplicationWriter.TOPIC_HEADER));
                String at = header(r, ReplicationWriter.PARTITION_HEADER) + "@" + header(r, ReplicationWriter.OFFSET_HEADER);
                assertTrue(seen.add(at), "replicated twice: " + at);
                ConsumerRecord<String, byte[]> original = source.get(at);
                assertEquals(original.key(), r.key());
                assertArrayEquals(original.value(), r.value());
                assertEquals(new String(original.headers().lastHeader("trace").value(), StandardCharsets.UTF_8),
                        header(r, "trace"));
                assertEquals(original.timestamp(), r.timestamp());
            }
            assertEquals(0, skipped.get());

            // replay: the group starts again from offset 0; the writer finds the offsets in the target
            stream.resetGroup("itest-kafka", topic);
            try (SinkLoop<ConsumerRecord<String, byte[]>> loop = loop(s, "itest-kafka", dlq, new CircuitBreaker(
                    new TestClock(StreamFixture.T0)), skipped)) {
                loop.start();
                await().atMost(WAIT).until(() -> loop.recordsOut() == 300 && loop.lag() == 0);
            }
            assertEquals(300, skipped.get());
            assertEquals(300, readTarget("site1." + topic).size(), "the replay added nothing");
            Map<String, String> offsets = readOffsets(s.offsetsTopic());
            long total = 0;
            for (Map.Entry<String, String> e : offsets.entrySet()) {
                assertTrue(e.getKey().startsWith(topic + "/"), e.getKey());
                total += Long.parseLong(e.getValue());
            }
            assertEquals(300, total, "next offsets per partition add up to the records replicated");
        }
    }

    @Test
    void targetDownOpensTheBreakerAndGrowsTheLagThenEverythingArrivesOnce() throws Exception {
        String topic = "alarms.itest_kafka";
        stream.createTopics(topic);
        stream.send(topic, IntStream.range(0, 100).mapToObj(StreamFixture::reading).toList());
        KafkaSinkSettings s = settings(topic, "");
        TestClock clock = new TestClock(StreamFixture.T0);
        CircuitBreaker breaker = new CircuitBreaker(clock);
        try (Producer<String, byte[]> dlq = stream.producer();
                SinkLoop<ConsumerRecord<String, byte[]>> loop = loop(s, "itest-kafka-down", dlq, breaker,
                        new AtomicLong())) {
            loop.start();
            await().atMost(WAIT).until(() -> loop.recordsOut() == 100 && loop.lag() == 0);

            target.close();
            stream.send(topic, IntStream.range(100, 250).mapToObj(StreamFixture::reading).toList());
            await().atMost(WAIT).until(() -> breaker.state() == CircuitBreaker.State.OPEN);
            assertEquals(CircuitBreaker.DEFAULT_FAILURE_THRESHOLD, breaker.consecutiveFailures());
            await().atMost(WAIT).until(() -> loop.lag() == 150);
            assertEquals(HealthStatus.DEGRADED, loop.health().status());
            assertTrue(loop.health().detail().contains("circuit breaker OPEN"), loop.health().detail());
            assertEquals(100, loop.recordsOut());

            target = EmbeddedBroker.start(tmp.resolve("target"), targetListen);
            clock.advance(CircuitBreaker.DEFAULT_COOLDOWN.plusSeconds(1)); // the half-open probe may go now
            await().atMost(WAIT).until(() -> loop.recordsOut() == 250 && loop.lag() == 0);
            assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        }
        List<ConsumerRecord<String, byte[]>> got = readTarget("site1." + topic);
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : got) {
            assertTrue(seen.add(header(r, ReplicationWriter.PARTITION_HEADER) + "@"
                    + header(r, ReplicationWriter.OFFSET_HEADER)), "replicated twice");
        }
        assertEquals(250, got.size());
    }

    private static SinkLoop<ConsumerRecord<String, byte[]>> loop(KafkaSinkSettings s, String group,
            Producer<String, byte[]> dlq, CircuitBreaker breaker, AtomicLong skipped) {
        return KafkaSinkComponent.create(s, stream.bootstrap(), group, new KafkaDeadLetters(dlq, "kafka"), breaker,
                new PrometheusRegistry(), skipped);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** @return every committed record of a target topic, as a read_committed consumer sees them */
    private static List<ConsumerRecord<String, byte[]>> readTarget(String topic) {
        List<ConsumerRecord<String, byte[]>> out = new java.util.ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = targetConsumer()) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            await().atMost(WAIT).until(() -> {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
                return parts.stream().allMatch(tp -> c.position(tp) >= end.get(tp));
            });
        }
        return out;
    }

    private static Map<String, String> readOffsets(String topic) {
        Map<String, String> out = new HashMap<>();
        readTarget(topic).forEach(r -> out.put(r.key(), new String(r.value(), StandardCharsets.UTF_8)));
        return out;
    }

    private static KafkaConsumer<String, byte[]> targetConsumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, targetListen);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
