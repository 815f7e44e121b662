package io.arcnode.stream.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        Map<String, Object> shortTimeouts = Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
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
