package io.arcnode.stream.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.arcnode.api.telemetry.AlarmState;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import io.arcnode.broker.EmbeddedBroker;
import io.arcnode.gateway.alarms.internal.Alarm;
import io.arcnode.gateway.alarms.internal.AlarmJson;
import io.arcnode.gateway.alarms.internal.AlarmRule;
import io.arcnode.gateway.alarms.internal.AlarmStage;
import io.arcnode.gateway.alarms.internal.AlarmStore;
import io.arcnode.gateway.alarms.internal.Condition;
import io.arcnode.gateway.alarms.internal.Severity;
import io.arcnode.stream.api.MeasurementAvro;
import io.arcnode.stream.api.StreamTopics;
import io.arcnode.stream.internal.LocalStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alarms stage against the real embedded broker: readings on {@code telemetry.clean} and {@code alarms.raw}
 * become alarms on {@code alarms.clean}; an ack is published too; a restarted stage keeps the states (from its
 * store, or from {@code alarms.clean} when the store is gone).
 */
class AlarmStageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-01-29T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-29T12:00:00Z"), ZoneOffset.UTC);
    private static final List<AlarmRule> RULES = List.of(new AlarmRule("temp_high", "cdu_*", "supply_temp",
            new Condition.Threshold(true, 80, 2), Severity.HIGH, "supply temperature high", null, null));

    @TempDir
    Path tmp;

    private static Measurement reading(String asset, double value, long second, Classification c,
            Map<String, String> metadata) {
        Instant t = T0.plusSeconds(second);
        return new Measurement(asset, "supply_temp", value, "celsius", Quality.GOOD, c,
                new Timestamps(t, t.plusMillis(100)), metadata);
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, Measurement m) throws Exception {
        producer.send(new ProducerRecord<>(topic, m.assetId(), MeasurementAvro.encode(m))).get();
    }

    private static AlarmStage stage(String bootstrap, Path store) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, AlarmStage.GROUP);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Properties r = new Properties();
        r.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        r.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "arcnode-alarms-itest");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new AlarmStage(new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()),
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()),
                new KafkaConsumer<>(r, new StringDeserializer(), new ByteArrayDeserializer()), new AlarmStore(store),
                RULES, CLOCK, new AlarmStage.Listener() {
                    @Override
                    public void committed(List<Alarm> versions) {
                        // counted by the component's metrics in the gateway
                    }

                    @Override
                    public void undecodable() {
                        // counted by the component's metrics in the gateway
                    }
                });
    }

    /** @return every committed alarm version on {@code alarms.clean}, in seq order, with its record key */
    private static List<ConsumerRecord<String, byte[]>> read(String bootstrap) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(StreamTopics.ALARMS_CLEAN).stream()
                    .map(i -> new TopicPartition(StreamTopics.ALARMS_CLEAN, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        out.sort(Comparator.comparingLong(r -> AlarmJson.parse(r.value()).seq()));
        return out;
    }

    private static List<Alarm> alarms(String bootstrap) {
        return read(bootstrap).stream().map(r -> AlarmJson.parse(r.value())).toList();
    }

    private static Thread start(AlarmStage s, String name) {
        Thread t = new Thread(s, name);
        t.start();
        await().atMost(WAIT).until(s::started);
        return t;
    }

    @Test
    void readingsBecomeAlarmsAcksArePublishedAndStatesSurviveRestarts() throws Exception {
        String listen = "127.0.0.1:" + freePort();
        Path store = tmp.resolve("alarms");
        try (EmbeddedBroker broker = EmbeddedBroker.start(tmp.resolve("broker"), listen);
                LocalStream stream = new LocalStream(StreamAgainstBrokerTest.settings(listen), Map.of());
                KafkaProducer<String, byte[]> producer = producer(listen)) {
            await().atMost(WAIT).until(stream::topicsReady);
            send(producer, StreamTopics.TELEMETRY_CLEAN, reading("cdu_01", 70, 0, Classification.TELEMETRY, Map.of()));
            send(producer, StreamTopics.TELEMETRY_CLEAN, reading("cdu_01", 85, 1, Classification.TELEMETRY, Map.of()));
            send(producer, StreamTopics.ALARMS_RAW, reading("cdu_02", 4500, 2, Classification.ALARM,
                    Map.of("rule", "gap", "reason", "no reading for 4500 ms")));

            AlarmStage first = stage(listen, store);
            Thread t1 = start(first, "alarms-1");
            await().atMost(WAIT).until(() -> read(listen).size() == 2);
            List<ConsumerRecord<String, byte[]>> records = read(listen);
            Alarm high = AlarmJson.parse(records.stream().filter(r -> r.key().equals("cdu_01")).findFirst()
                    .orElseThrow().value());
            assertEquals("temp_high", high.rule());
            assertEquals(AlarmState.ACTIVE, high.state());
            assertEquals(T0.plusSeconds(1), high.raisedAt(), "device time of the reading");
            Alarm gap = AlarmJson.parse(records.stream().filter(r -> r.key().equals("cdu_02")).findFirst()
                    .orElseThrow().value());
            assertEquals("raw:gap", gap.rule());
            assertEquals("no reading for 4500 ms", gap.message());

            Alarm acked = first.submit(e -> e.ack(high.id(), "alice", "seen")).get(WAIT.toSeconds(),
                    java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(AlarmState.ACKNOWLEDGED, acked.state());
            await().atMost(WAIT).until(() -> read(listen).size() == 3);
            Alarm published = alarms(listen).get(2);
            assertEquals(AlarmState.ACKNOWLEDGED, published.state());
            assertEquals("alice", published.last().by());
            assertEquals(CLOCK.instant(), published.last().at());
            first.close();
            t1.join(WAIT.toMillis());
            assertEquals(3, Files.readAllLines(store.resolve(AlarmStore.FILE)).size(), "journal: one line a version");

            // restart on the same store: alm-1 stays ACKNOWLEDGED and in alarm (86: no new alarm), 70 clears it
            AlarmStage second = stage(listen, store);
            Thread t2 = start(second, "alarms-2");
            assertEquals(AlarmState.ACKNOWLEDGED, second.engine().get(high.id()).state());
            send(producer, StreamTopics.TELEMETRY_CLEAN, reading("cdu_01", 86, 3, Classification.TELEMETRY, Map.of()));
            send(producer, StreamTopics.TELEMETRY_CLEAN, reading("cdu_01", 70, 4, Classification.TELEMETRY, Map.of()));
            await().atMost(WAIT).until(() -> alarms(listen).stream().anyMatch(a -> a.state() == AlarmState.CLEARED));
            second.close();
            t2.join(WAIT.toMillis());
            List<Alarm> all = alarms(listen);
            assertEquals(4, all.size(), "no alarm raised twice, no reading processed twice: " + all);
            assertEquals(high.id(), all.get(3).id());
            assertEquals(List.of(AlarmState.ACTIVE, AlarmState.ACKNOWLEDGED, AlarmState.CLEARED),
                    all.get(3).history().stream().map(h -> h.to()).toList());

            // the store is lost: the stage takes the states back from alarms.clean
            Path fresh = tmp.resolve("fresh");
            AlarmStage third = stage(listen, fresh);
            Thread t3 = start(third, "alarms-3");
            assertEquals(AlarmState.CLEARED, third.engine().get(high.id()).state());
            assertEquals(AlarmState.ACTIVE, third.engine().get(gap.id()).state());
            assertEquals(4, third.engine().seq());
            assertNotNull(new AlarmStore(fresh).load().get(gap.id()), "read-back versions are stored again");
            third.close();
            t3.join(WAIT.toMillis());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }
}
