package io.arcnode.stream.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import io.arcnode.broker.EmbeddedBroker;
import io.arcnode.gateway.aggregator.internal.AggregatorSettings;
import io.arcnode.gateway.aggregator.internal.AggregatorStage;
import io.arcnode.gateway.aggregator.internal.AggregatorStats;
import io.arcnode.gateway.aggregator.internal.Pipeline;
import io.arcnode.gateway.aggregator.internal.Resolution;
import io.arcnode.stream.api.Aggregate;
import io.arcnode.stream.api.AggregateAvro;
import io.arcnode.stream.api.MeasurementAvro;
import io.arcnode.stream.api.StreamTopics;
import io.arcnode.stream.internal.LocalStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aggregator stage against the real embedded broker: readings on {@code telemetry.clean} become 1 s, 1 min and
 * 1 h windows on their topics, each exactly once and equal to a recomputation from the input, also when the stage
 * hangs in the middle of a transaction (windows sent, nothing committed, like a kill -9) and a new stage takes over.
 */
class AggregatorStageTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Instant T0 = Instant.parse("2026-01-29T10:00:00Z");
    private static final String TX_ID = "arcnode-aggregator-itest";
    private static final List<String[]> SERIES = List.of(new String[] {"pump_01", "flow"},
            new String[] {"pump_01", "pressure"}, new String[] {"pump_02", "flow"}, new String[] {"chiller_01", "flow"});

    @TempDir
    Path tmp;

    /** A producer whose commit hangs once armed, like a process frozen and then killed in the middle of one. */
    static final class FreezingProducer extends KafkaProducer<String, byte[]> {
        volatile boolean armed;
        volatile boolean frozen;
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger windowsInTransaction = new AtomicInteger();

        FreezingProducer(Properties p) {
            super(p, new StringSerializer(), new ByteArraySerializer());
        }

        @Override
        public void beginTransaction() {
            super.beginTransaction();
            windowsInTransaction.set(0);
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
            if (record.topic().startsWith("telemetry.1")) {
                windowsInTransaction.incrementAndGet();
            }
            return super.send(record, callback);
        }

        @Override
        public void commitTransaction() {
            if (armed) {
                frozen = true;
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            super.commitTransaction(); // after the release: fenced by the stage that took over
        }
    }

    private static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TX_ID);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    private static AggregatorStage stage(String bootstrap, KafkaProducer<String, byte[]> producer,
            AggregatorStats stats) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, AggregatorStage.GROUP);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        AggregatorSettings settings = new AggregatorSettings(List.of(Pipeline.DEFAULT), Duration.ofSeconds(5),
                100_000, Duration.ofMillis(100));
        return new AggregatorStage(new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()),
                producer, Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)), (short) 1,
                settings, stats, Clock.systemUTC());
    }

    /** Four series, a reading every 200 ms for 150 s, some pairs swapped (out of order within the lateness). */
    private static List<Measurement> input() {
        List<Measurement> out = new ArrayList<>();
        for (int i = 0; i < 750; i++) {
            int at = i % 10 == 3 ? i + 1 : i % 10 == 4 ? i - 1 : i;
            for (int s = 0; s < SERIES.size(); s++) {
                out.add(reading(SERIES.get(s), at * 200L, (at * 7 % 13) * 0.25 + s));
            }
        }
        return out;
    }

    private static Measurement reading(String[] series, long ms, double value) {
        Instant t = T0.plusMillis(ms);
        return new Measurement(series[0], series[1], value, "m3/h", Quality.GOOD, Classification.TELEMETRY,
                new Timestamps(t, t.plusMillis(20)), Map.of("adapter_id", "itest"));
    }

    /** @return the expected windows of {@code input}, keyed like {@link #key(Aggregate)} */
    private static Map<String, Aggregate> recompute(List<Measurement> input) {
        Map<String, List<Measurement>> groups = new TreeMap<>();
        for (Measurement m : input) {
            long t = m.timestamps().deviceTime().toEpochMilli();
            for (Resolution r : Resolution.values()) {
                groups.computeIfAbsent(r.label() + " " + m.assetId() + "/" + m.parameter() + " "
                        + Instant.ofEpochMilli(r.windowStart(t)), k -> new ArrayList<>()).add(m);
            }
        }
        Map<String, Aggregate> out = new TreeMap<>();
        groups.forEach((k, ms) -> {
            Resolution r = Resolution.ofLabel(k.substring(0, k.indexOf(' '))).orElseThrow();
            long start = r.windowStart(ms.get(0).timestamps().deviceTime().toEpochMilli());
            Measurement first = ms.stream().min((a, b) -> a.timestamps().deviceTime()
                    .compareTo(b.timestamps().deviceTime())).orElseThrow();
            Measurement last = ms.stream().max((a, b) -> a.timestamps().deviceTime()
                    .compareTo(b.timestamps().deviceTime())).orElseThrow();
            double sum = 0;
            for (Measurement m : ms) {
                sum += m.value();
            }
            out.put(k, new Aggregate(first.assetId(), first.parameter(), "m3/h", r.label(),
                    Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + r.millis()), ms.size(), sum,
                    ms.stream().mapToDouble(Measurement::value).min().orElseThrow(),
                    ms.stream().mapToDouble(Measurement::value).max().orElseThrow(), first.value(),
                    first.timestamps().deviceTime(), last.value(), last.timestamps().deviceTime(), ms.size(), 0, 0));
        });
        return out;
    }

    private static String key(Aggregate a) {
        return a.resolution() + " " + a.assetId() + "/" + a.parameter() + " " + a.windowStart();
    }

    /** @return every committed window of the three aggregate topics */
    private static List<Aggregate> windows(String bootstrap) {
        List<Aggregate> out = new ArrayList<>();
        for (Resolution r : Resolution.values()) {
            for (ConsumerRecord<String, byte[]> rec : read(bootstrap, r.topic())) {
                Aggregate a = AggregateAvro.decode(rec.value());
                assertEquals(a.assetId(), rec.key());
                assertEquals(r.label(), a.resolution());
                out.add(a);
            }
        }
        return out;
    }

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

    /** @return the records of {@code telemetry.clean} the group has committed as read */
    private static long committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> o = admin.listConsumerGroupOffsets(AggregatorStage.GROUP)
                .partitionsToOffsetAndMetadata().get();
        return o.entrySet().stream().filter(e -> e.getKey().topic().equals(StreamTopics.TELEMETRY_CLEAN))
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private static void publish(KafkaProducer<String, byte[]> p, List<Measurement> ms) throws Exception {
        for (Measurement m : ms) {
            p.send(new ProducerRecord<>(StreamTopics.TELEMETRY_CLEAN, m.assetId(), MeasurementAvro.encode(m)));
        }
        p.flush();
    }

    @Test
    void eachWindowExactlyOnceWithTheRecomputedAggregatesAcrossAFrozenAndReplacedStage() throws Exception {
        String listen = "127.0.0.1:" + freePort();
        List<Measurement> input = input();
        List<Measurement> firstHalf = input.subList(0, input.size() / 2);
        List<Measurement> secondHalf = input.subList(input.size() / 2, input.size());
        // a reading per series two hours on: its watermark closes every window of the input
        List<Measurement> closers = SERIES.stream().map(s -> reading(s, 7_210_000, 0)).toList();
        Map<String, Aggregate> expected = recompute(input);
        Properties plain = new Properties();
        plain.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, listen);
        plain.put(ProducerConfig.ACKS_CONFIG, "all");
        try (EmbeddedBroker broker = EmbeddedBroker.start(tmp.resolve("broker"), listen);
                LocalStream stream = new LocalStream(StreamAgainstBrokerTest.settings(listen), Map.of());
                KafkaProducer<String, byte[]> source = new KafkaProducer<>(plain, new StringSerializer(),
                        new ByteArraySerializer());
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, listen))) {
            await().atMost(WAIT).until(stream::topicsReady);
            publish(source, firstHalf);

            FreezingProducer freezing = new FreezingProducer(producerProps(listen));
            AggregatorStats stats1 = new AggregatorStats(Clock.systemUTC());
            AggregatorStage first = stage(listen, freezing, stats1);
            AtomicReference<Throwable> firstEnded = new AtomicReference<>();
            Thread t1 = new Thread(() -> {
                try {
                    first.run();
                } catch (RuntimeException e) {
                    firstEnded.set(e);
                }
            }, "aggregator-1");
            t1.start();
            await().atMost(WAIT).until(() -> committed(admin) == firstHalf.size());
            List<Aggregate> beforeFreeze = windows(listen);
            assertTrue(beforeFreeze.size() > 100, "1 s and 1 min windows of the first half: " + beforeFreeze.size());

            freezing.armed = true;
            publish(source, secondHalf);
            await().atMost(WAIT).until(() -> freezing.frozen);
            assertTrue(freezing.windowsInTransaction.get() > 0, "the frozen transaction holds windows");
            assertEquals(firstHalf.size(), committed(admin), "nothing of it committed");
            assertEquals(beforeFreeze.size(), windows(listen).size(), "none of its windows visible");

            // a new stage takes over while the first one still hangs (a zombie): it fences it, restores, resumes
            AggregatorStats stats2 = new AggregatorStats(Clock.systemUTC());
            AggregatorStage second = stage(listen, new KafkaProducer<>(producerProps(listen), new StringSerializer(),
                    new ByteArraySerializer()), stats2);
            Thread t2 = new Thread(second, "aggregator-2");
            t2.start();
            publish(source, closers);
            await().atMost(WAIT).until(() -> committed(admin) == input.size() + closers.size());
            freezing.release.countDown();
            t1.join(WAIT.toMillis());
            assertTrue(firstEnded.get() instanceof IllegalStateException, "the zombie is fenced: " + firstEnded);

            List<Aggregate> windows = windows(listen);
            assertExactly(expected, windows);
            assertEquals(750 / 5 * SERIES.size(), windows.stream().filter(a -> a.resolution().equals("1s")).count());
            assertEquals(3 * SERIES.size(), windows.stream().filter(a -> a.resolution().equals("1min")).count());
            assertEquals(SERIES.size(), windows.stream().filter(a -> a.resolution().equals("1h")).count());
            assertTrue(stats2.transactions() > 0);
            for (Resolution r : Resolution.values()) {
                assertEquals(0, stats1.late(r) + stats2.late(r), "no reading late");
            }
            assertEquals(3 * SERIES.size(), stats2.openWindows(), "the closers' windows stay open");


            // a clean stop with windows open, then a third stage: the open windows and the watermarks come back
            second.close();
            t2.join(WAIT.toMillis());
            assertTrue(!t2.isAlive());
            List<Measurement> more = SERIES.stream().map(s -> reading(s, 7_210_500, 1)).toList();
            Measurement late = reading(SERIES.get(0), 1_000, 99); // its windows went out before the stop
            List<Measurement> finalClosers = SERIES.stream().map(s -> reading(s, 7_300_000, 0)).toList();
            AggregatorStats stats3 = new AggregatorStats(Clock.systemUTC());
            AggregatorStage third = stage(listen, new KafkaProducer<>(producerProps(listen), new StringSerializer(),
                    new ByteArraySerializer()), stats3);
            Thread t3 = new Thread(third, "aggregator-3");
            t3.start();
            publish(source, List.of(late)); // first on its partition: only the restored watermark makes it late
            publish(source, more);
            publish(source, finalClosers);
            long total = input.size() + closers.size() + more.size() + 1 + finalClosers.size();
            await().atMost(WAIT).until(() -> committed(admin) == total);
            third.close();
            t3.join(WAIT.toMillis());

            List<Measurement> all = new ArrayList<>(input);
            all.addAll(closers);
            all.addAll(more);
            Map<String, Aggregate> expectedNow = new TreeMap<>(recompute(all));
            expectedNow.keySet().removeIf(k -> k.startsWith("1h ") && k.endsWith(" " + T0.plusSeconds(7200)));
            assertExactly(expectedNow, windows(listen));
            assertEquals(2 * SERIES.size(), expectedNow.size() - expected.size(), "the closers' 1 s and 1 min windows");
            assertTrue(expectedNow.values().stream().filter(a -> a.windowStart().equals(T0.plusSeconds(7210)))
                    .allMatch(a -> a.count() == 2), "readings from before and after the restart in one window");
            for (Resolution r : Resolution.values()) {
                assertEquals(1, stats3.late(r), "the late reading, by the restored watermark, in " + r.label());
            }
        }
    }

    /** Every window once, the same as the recomputation, nothing else. */
    private static void assertExactly(Map<String, Aggregate> expected, List<Aggregate> windows) {
        Map<String, Aggregate> actual = new TreeMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Aggregate a : windows) {
            actual.put(key(a), a);
            seen.merge(key(a), 1, Integer::sum);
        }
        assertEquals(List.of(), seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .toList(), "windows emitted more than once");
        assertEquals(List.of(), expected.keySet().stream().filter(k -> !actual.containsKey(k)).toList(),
                "windows missing");
        assertEquals(List.of(), actual.keySet().stream().filter(k -> !expected.containsKey(k)).toList(),
                "windows that are not in the input");
        assertEquals(List.of(), expected.keySet().stream().filter(k -> !expected.get(k).equals(actual.get(k)))
                .map(k -> "expected " + expected.get(k) + " but was " + actual.get(k)).toList(),
                "windows with other aggregates than the recomputation");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }
}
