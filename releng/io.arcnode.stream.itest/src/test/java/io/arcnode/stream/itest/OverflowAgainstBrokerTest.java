package io.arcnode.stream.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import io.arcnode.broker.EmbeddedBroker;
import io.arcnode.gateway.overflow.internal.DiskUsage;
import io.arcnode.gateway.overflow.internal.KafkaStreamAdmin;
import io.arcnode.gateway.overflow.internal.OverflowMonitor;
import io.arcnode.gateway.overflow.internal.OverflowTier;
import io.arcnode.gateway.overflow.internal.StreamAdmin;
import io.arcnode.stream.api.MeasurementAvro;
import io.arcnode.stream.api.PublishAck;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overflow tiers against the real embedded broker with a small configured disk budget: each tier deletes the
 * records spec 004 names (full-resolution telemetry by age, then 1 s aggregates), never alarms or the DLQ, and at
 * 95 % the real stream holds producers back while alarms still pass.
 */
class OverflowAgainstBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    /** The configured budget, set by the test before each check to reach a chosen fill. */
    static final class Budgeted implements StreamAdmin {
        private final Admin admin;
        volatile long budget = Long.MAX_VALUE;

        Budgeted(Admin admin) {
            this.admin = admin;
        }

        long used() throws Exception {
            return new KafkaStreamAdmin(admin, Long.MAX_VALUE).usage().usedBytes();
        }

        void fillTo(double fraction) throws Exception {
            budget = (long) (used() / fraction);
        }

        @Override
        public DiskUsage usage() throws Exception {
            return new KafkaStreamAdmin(admin, budget).usage();
        }

        @Override
        public long deleteBefore(String topic, Instant cutoff) throws Exception {
            return new KafkaStreamAdmin(admin, budget).deleteBefore(topic, cutoff);
        }
    }

    private static byte[] reading(String parameter, Instant t) {
        return MeasurementAvro.encode(new Measurement("asset_" + (t.getEpochSecond() % 4), parameter, 1.0, "unit",
                Quality.GOOD, Classification.TELEMETRY, new Timestamps(t, t), Map.of("adapter_id", "itest",
                        "padding", "x".repeat(400))));
    }

    private static void produce(KafkaProducer<String, byte[]> p, String topic, Instant t, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            Instant at = t.plusMillis(i);
            p.send(new ProducerRecord<>(topic, null, at.toEpochMilli(), "asset_" + (i % 4), reading("p", at)));
        }
        p.flush();
    }

    /** @return records between each partition's log start and end offset */
    private static long retained(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < 12; p++) {
            earliest.put(new TopicPartition(topic, p), OffsetSpec.earliest());
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        var start = admin.listOffsets(earliest).all().get(30, TimeUnit.SECONDS);
        var end = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
        return end.entrySet().stream().mapToLong(e -> e.getValue().offset() - start.get(e.getKey()).offset()).sum();
    }

    @Test
    void eachTierCutsWhatTheSpecSaysAndBlocksProducersAtNinetyFivePercent() throws Exception {
        String listen = "127.0.0.1:" + freePort();
        Instant now = Instant.now();
        Map<String, Object> pc = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, listen,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
        try (EmbeddedBroker broker = EmbeddedBroker.start(tmp.resolve("broker"), listen);
                LocalStream stream = new LocalStream(StreamAgainstBrokerTest.settings(listen), Map.of());
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, listen));
                KafkaProducer<String, byte[]> p = new KafkaProducer<>(pc, new StringSerializer(),
                        new ByteArraySerializer())) {
            await().atMost(WAIT).until(stream::topicsReady);
            Instant twoHours = now.minus(Duration.ofHours(2));
            produce(p, StreamTopics.TELEMETRY_RAW, twoHours, 300);
            produce(p, StreamTopics.TELEMETRY_RAW, now.minus(Duration.ofMinutes(30)), 200);
            produce(p, StreamTopics.TELEMETRY_RAW, now, 100);
            produce(p, StreamTopics.TELEMETRY_1S, twoHours, 80);
            produce(p, StreamTopics.TELEMETRY_1MIN, twoHours, 40);
            produce(p, StreamTopics.ALARMS_RAW, twoHours, 30);
            produce(p, StreamTopics.DLQ_TELEMETRY, twoHours, 20);

            Budgeted budget = new Budgeted(admin);
            OverflowMonitor monitor = new OverflowMonitor(budget, stream,
                    m -> stream.publish(m).toCompletableFuture().join(), "gw-itest", Clock.systemUTC());

            budget.fillTo(0.5);
            assertEquals(OverflowTier.NORMAL, monitor.check().tier());
            assertEquals(600, retained(admin, StreamTopics.TELEMETRY_RAW));

            budget.fillTo(0.85);
            OverflowMonitor.Check downsample = monitor.check();
            assertEquals(OverflowTier.DOWNSAMPLE, downsample.tier());
            assertEquals(Map.of(StreamTopics.TELEMETRY_RAW, 300L), downsample.evicted());
            assertEquals(300, retained(admin, StreamTopics.TELEMETRY_RAW), "raw older than 1 h is gone");
            assertEquals(80, retained(admin, StreamTopics.TELEMETRY_1S), "aggregates are kept");

            budget.fillTo(0.92);
            OverflowMonitor.Check evict = monitor.check();
            assertEquals(OverflowTier.EVICT, evict.tier());
            assertEquals(100, retained(admin, StreamTopics.TELEMETRY_RAW), "raw older than 10 min is gone");
            assertEquals(80, retained(admin, StreamTopics.TELEMETRY_1S), "1 s aggregates after raw, not with it");
            budget.fillTo(0.92);
            monitor.check();
            assertEquals(0, retained(admin, StreamTopics.TELEMETRY_1S), "still full: 1 s older than 1 h goes next");
            assertEquals(40, retained(admin, StreamTopics.TELEMETRY_1MIN), "1 min aggregates are high priority");
            assertEquals(20, retained(admin, StreamTopics.DLQ_TELEMETRY), "the DLQ is never evicted");

            budget.fillTo(0.97);
            OverflowMonitor.Check block = monitor.check();
            assertEquals(OverflowTier.BLOCK, block.tier());
            assertTrue(block.blocked());
            assertTrue(stream.blocked().isPresent());
            assertTrue(stream.health().detail().contains("producers blocked"), stream.health().detail());
            CompletableFuture<PublishAck> held = stream.publish(new Measurement("cdu_01", "supply_temp", 40,
                    "celsius", Quality.GOOD, Classification.TELEMETRY, new Timestamps(now, now),
                    Map.of("adapter_id", "itest"))).toCompletableFuture();
            CompletableFuture<PublishAck> alarm = stream.publish(new Measurement("cdu_01", "leak", 1, "bool",
                    Quality.GOOD, Classification.ALARM, new Timestamps(now, now), Map.of("adapter_id", "itest")))
                    .toCompletableFuture();
            assertEquals(StreamTopics.ALARMS_RAW, alarm.get(30, TimeUnit.SECONDS).topic(), "alarms still pass");
            assertFalse(held.isDone(), "telemetry waits while producers are blocked");
            // the tier alerts (downsample, evict, block) and the test's alarm went to alarms.raw; none evicted
            assertEquals(30 + 3 + 1, retained(admin, StreamTopics.ALARMS_RAW));

            budget.fillTo(0.5);
            OverflowMonitor.Check normal = monitor.check();
            assertEquals(OverflowTier.NORMAL, normal.tier());
            assertEquals(Optional.empty(), stream.blocked());
            assertEquals(StreamTopics.TELEMETRY_RAW, held.get(30, TimeUnit.SECONDS).topic(),
                    "the held reading is sent once unblocked");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }
}
