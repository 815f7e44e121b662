package io.arcnode.stream.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.arcnode.api.health.HealthStatus;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import io.arcnode.broker.EmbeddedBroker;
import io.arcnode.stream.api.MeasurementAvro;
import io.arcnode.stream.api.PublishAck;
import io.arcnode.stream.api.StreamTopics;
import io.arcnode.stream.internal.LocalStream;
import io.arcnode.stream.internal.MeasurementCodec;
import io.arcnode.stream.internal.ProducerConfigs;
import io.arcnode.stream.internal.StreamLedger;
import io.arcnode.stream.internal.StreamSettings;
import io.arcnode.stream.internal.TopicCreator;

/** The stream bundle's producer and topic creation against the embedded broker bin/arcnode gateway starts. */
class StreamAgainstBrokerTest {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;
    static EmbeddedBroker broker;
    static LocalStream stream;
    static StreamSettings settings;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(tmp.resolve("broker"), "127.0.0.1:" + freePort());
        settings = settings(broker.bootstrap());
        stream = new LocalStream(settings, Map.of());
        await().atMost(STARTUP).until(stream::topicsReady);
    }

    @AfterAll
    static void stop() {
        if (stream != null) {
            stream.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyTopicIsCreatedWithTwelvePartitionsAndExistingOnesAreFine() throws Exception {
        try (Admin admin = Admin.create(ProducerConfigs.admin(settings, "itest-admin"))) {
            Map<String, TopicDescription> topics = admin.describeTopics(StreamTopics.ALL).allTopicNames().get();
            assertEquals(Set.copyOf(StreamTopics.ALL), topics.keySet());
            topics.values().forEach(t -> assertEquals(12, t.partitions().size(), t.name()));
            assertEquals(List.of(), TopicCreator.ensure(admin, settings, 10_000), "nothing new the second time");
        }
        await().atMost(STARTUP).until(() -> stream.health().status() == HealthStatus.HEALTHY);
    }

    @Test
    void measurementsArriveOnTheirClassificationsTopicKeyedByAssetIdReadableWithTheSchemaFile() throws Exception {
        Measurement t = measurement("line_1_sensor_01", Classification.TELEMETRY, 85.4);
        Measurement a = measurement("pump_7", Classification.ALARM, 1);
        PublishAck ackT = stream.publish(t).toCompletableFuture().get();
        PublishAck ackA = stream.publish(a).toCompletableFuture().get();
        assertEquals("telemetry.raw", ackT.topic());
        assertEquals("alarms.raw", ackA.topic());

        ConsumerRecord<String, byte[]> rt = read(ackT);
        assertEquals("line_1_sensor_01", rt.key());
        assertEquals(t, MeasurementAvro.decode(rt.value()));
        // what a consumer with only the .avsc and Avro does
        Schema schema;
        try (InputStream in = MeasurementCodec.class.getResourceAsStream(
                MeasurementCodec.schemaResource(MeasurementCodec.versions().size()))) {
            schema = new Schema.Parser().parse(in);
        }
        GenericRecord g = new BinaryMessageDecoder<GenericRecord>(GenericData.get(), schema).decode(read(ackA).value());
        assertEquals("pump_7", g.get("asset_id").toString());
        assertEquals("ALARM", g.get("classification").toString());
    }

    @Test
    void recordsOnTheBrokerAreZstdBatchesOfAnIdempotentProducer() throws Exception {
        PublishAck ack = stream.publish(measurement("batch_probe", Classification.EVENT, 3)).toCompletableFuture().get();
        File dir = tmp.resolve("broker").resolve("kraft-logs").resolve(ack.topic() + "-" + ack.partition()).toFile();
        File[] segments = dir.listFiles((d, name) -> name.endsWith(".log"));
        List<RecordBatch> batches = new ArrayList<>();
        for (File segment : segments) {
            MemoryRecords.readableRecords(ByteBuffer.wrap(Files.readAllBytes(segment.toPath()))).batches()
                    .forEach(batches::add);
        }
        assertTrue(!batches.isEmpty(), "batches in " + dir);
        for (RecordBatch b : batches) {
            assertEquals(CompressionType.ZSTD, b.compressionType());
            assertTrue(b.producerId() >= 0 && b.baseSequence() >= 0, "idempotent producer id and sequence");
        }
        Map<String, Object> props = ProducerConfigs.producer(settings, "x");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.StringSerializer.class);
        ProducerConfig effective = new ProducerConfig(props);
        assertEquals("-1", effective.getString(ProducerConfig.ACKS_CONFIG), "acks=all");
        assertEquals(true, effective.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
    }

    /**
     * Broker down: a publish fails once the delivery timeout is over, health turns DEGRADED; what the broker
     * acknowledged before is there after it comes back.
     */
    @Test
    void brokerDownFailsPublishWithinTheDeliveryTimeoutAndLosesNoAcknowledgedRecord() throws Exception {
        Path dir = tmp.resolve("broker-down");
        String listen = "127.0.0.1:" + freePort();
        EmbeddedBroker b = EmbeddedBroker.start(dir, listen);
        StreamSettings s = settings(listen);
        // every bound on a delivery short: the producer's delivery timeout, and max.block.ms for a send that waits
        // for metadata the closed broker can no longer give (the sender thread, never an adapter, waits there)
        Map<String, Object> shortTimeouts = Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        List<PublishAck> acked = new ArrayList<>();
        try (LocalStream ls = new LocalStream(s, shortTimeouts)) {
            await().atMost(STARTUP).until(ls::topicsReady);
            for (int i = 0; i < 20; i++) {
                acked.add(ls.publish(measurement("asset_" + i, Classification.TELEMETRY, i)).toCompletableFuture().get());
            }
            b.close();
            CompletableFuture<PublishAck> lost = ls.publish(measurement("asset_x", Classification.TELEMETRY, -1))
                    .toCompletableFuture();
            await().atMost(Duration.ofSeconds(30)).until(lost::isDone);
            assertTrue(lost.isCompletedExceptionally(), "not acknowledged, so reported as failed");
            try {
                lost.get();
            } catch (ExecutionException e) {
                assertEquals("TimeoutException", e.getCause().getClass().getSimpleName(), e.getCause().toString());
            }
            await().atMost(STARTUP).until(() -> ls.health().status() == HealthStatus.DEGRADED);

            b = EmbeddedBroker.start(dir, listen);
            await().atMost(STARTUP).until(() -> ls.health().status() == HealthStatus.HEALTHY);
            for (PublishAck ack : acked) {
                ConsumerRecord<String, byte[]> r = read(ack, listen);
                assertEquals(ack.offset(), r.offset());
                assertEquals(MeasurementAvro.decode(r.value()).assetId(), r.key());
            }
        } finally {
            b.close();
        }
    }

    /**
     * Broker stopped while an adapter keeps publishing: the first {@code buffer_records} readings wait and are
     * delivered once it is back, the rest are gaps at once; acked + gaps == handed over, and the topic holds exactly
     * the acknowledged ones.
     */
    @Test
    void brokerStoppedWhilePublishingBuffersUpToTheBoundDeliversItLaterAndCountsTheRestAsGaps() throws Exception {
        Path dir = tmp.resolve("broker-outage");
        String listen = "127.0.0.1:" + freePort();
        EmbeddedBroker b = EmbeddedBroker.start(dir, listen);
        int bound = 50;
        int handedOver = 80;
        StreamSettings s = new StreamSettings(listen, true, 12, (short) 1, 5, 65536, bound);
        try (LocalStream ls = new LocalStream(s, Map.of())) {
            await().atMost(STARTUP).until(ls::topicsReady);
            ls.publish(measurement("warmup", Classification.TELEMETRY, 0)).toCompletableFuture().get();
            b.close();

            List<CompletableFuture<PublishAck>> stages = new ArrayList<>();
            for (int i = 0; i < handedOver; i++) {
                stages.add(ls.publish(measurement("outage_" + i, Classification.TELEMETRY, i)).toCompletableFuture());
            }
            List<CompletableFuture<PublishAck>> refused = stages.subList(bound, handedOver);
            for (CompletableFuture<PublishAck> r : refused) {
                ExecutionException e = assertThrows(ExecutionException.class, r::get);
                assertEquals("BufferExhaustedException", e.getCause().getClass().getSimpleName());
            }
            assertTrue(stages.subList(0, bound).stream().noneMatch(CompletableFuture::isDone), "the bound waits");
            StreamLedger.Snapshot during = ls.ledger();
            assertEquals(bound, during.inUse());
            assertEquals(Map.of(new StreamLedger.GapKey("itest", "telemetry.raw", StreamLedger.GapReason.BUFFER_FULL),
                    (long) (handedOver - bound)), during.gaps());
            await().atMost(STARTUP).until(() -> ls.health().status() == HealthStatus.DEGRADED);
            assertTrue(ls.health().detail().endsWith("buffer 50/50 reading(s) (full: further readings are gaps), "
                    + "30 reading(s) lost as gaps"), ls.health().detail());

            b = EmbeddedBroker.start(dir, listen);
            await().atMost(STARTUP).until(() -> stages.subList(0, bound).stream().allMatch(CompletableFuture::isDone));
            for (CompletableFuture<PublishAck> waited : stages.subList(0, bound)) {
                assertEquals("telemetry.raw", waited.get().topic(), "delivered after the broker returned");
            }
            StreamLedger.Snapshot after = ls.ledger();
            assertEquals(0, after.inUse());
            assertEquals(1 + handedOver, after.ackedTotal() + after.gapTotal(), "acked + gaps == handed over");
            await().atMost(STARTUP).until(() -> ls.health().status() == HealthStatus.HEALTHY);

            List<ConsumerRecord<String, byte[]>> onTopic = readAll(StreamTopics.TELEMETRY_RAW, listen);
            List<String> delivered = onTopic.stream().map(ConsumerRecord::key).filter(k -> k.startsWith("outage_"))
                    .sorted().toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < bound; i++) {
                expected.add("outage_" + i);
            }
            assertEquals(expected.stream().sorted().toList(), delivered, "exactly the buffered readings, once each");
            onTopic.forEach(r -> assertEquals(r.key(), MeasurementAvro.decode(r.value()).assetId()));
        } finally {
            b.close();
        }
    }

    /** Every record of {@code topic}, from the beginning to the end offsets of its partitions. */
    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, String bootstrap) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> got = new ArrayList<>();
            await().atMost(STARTUP).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
            return got;
        }
    }

    private static ConsumerRecord<String, byte[]> read(PublishAck ack) {
        return read(ack, broker.bootstrap());
    }

    /** The record at the acknowledged position. */
    private static ConsumerRecord<String, byte[]> read(PublishAck ack, String bootstrap) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(ack.topic(), ack.partition());
            consumer.assign(List.of(tp));
            consumer.seek(tp, ack.offset());
            List<ConsumerRecord<String, byte[]>> got = new ArrayList<>();
            await().atMost(STARTUP).until(() -> {
                consumer.poll(Duration.ofMillis(200)).records(tp).forEach(got::add);
                return !got.isEmpty();
            });
            return got.get(0);
        }
    }

    static Measurement measurement(String asset, Classification c, double value) {
        return new Measurement(asset, "temperature", value, "celsius", Quality.GOOD, c,
                new Timestamps(Instant.parse("2026-01-29T10:00:00.123Z"), Instant.parse("2026-01-29T10:00:00.456Z")),
                Map.of("adapter_id", "itest"));
    }

    static StreamSettings settings(String bootstrap) {
        return new StreamSettings(bootstrap, true, 12, (short) 1, 5, 65536, 100_000);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
