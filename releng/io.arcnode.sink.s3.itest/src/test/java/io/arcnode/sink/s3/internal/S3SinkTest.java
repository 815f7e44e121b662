package io.arcnode.sink.s3.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.health.HealthStatus;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import io.arcnode.sink.api.CircuitBreaker;
import io.arcnode.sink.api.KafkaDeadLetters;
import io.arcnode.sink.api.SinkLoop;
import io.arcnode.sink.itest.StreamFixture;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 sink on the real embedded broker, writing to a real S3 server (S3Mock) over HTTP. */
@Timeout(300)
class S3SinkTest {

    private static final Instant T0 = Instant.parse("2026-01-29T10:59:30Z");
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    static Path dir;
    static StreamFixture stream;
    static Producer<String, byte[]> dlq;

    @BeforeAll
    static void startBroker() {
        stream = new StreamFixture(dir.resolve("broker"));
        dlq = stream.producer();
    }

    @AfterAll
    static void stopBroker() {
        if (dlq != null) {
            dlq.close();
        }
        if (stream != null) {
            stream.close();
        }
    }

    /** Reading i: device time T0 + i s (the first 30 in hour 10, the rest in hour 11); every 10th one has none. */
    private static Measurement reading(int i, String asset) {
        Instant t = T0.plusSeconds(i);
        Timestamps ts = i % 10 == 9 ? new Timestamps(null, t) : new Timestamps(t, t.plusMillis(20));
        return new Measurement(asset + "_" + (i % 7), "supply_temp", i, "celsius", Quality.GOOD,
                Classification.TELEMETRY, ts, Map.of("adapter_id", "itest"));
    }

    private static S3SinkSettings settings(String topics, S3Server s3, int batch, int chunk) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("enabled", true);
        p.put("topics", topics);
        p.put("bucket", S3Server.BUCKET);
        p.put("prefix", "gw1");
        p.put("endpoint_url", s3.endpoint());
        p.put("path_style", true);
        p.put("batch_size", batch);
        p.put("chunk_records", chunk);
        return S3SinkSettings.from(p, Optional.of(S3Server.ACCESS_KEY_ID), Optional.of(S3Server.SECRET_ACCESS_KEY));
    }

    /** @return every object under {@code prefix}: key to the records' (asset, parameter, value), decoded by Avro */
    private static Map<String, List<String>> objects(S3Client c, String prefix) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        for (S3Object o : c.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(S3Server.BUCKET)
                .prefix(prefix).build()).contents()) {
            byte[] bytes = c.getObjectAsBytes(GetObjectRequest.builder().bucket(S3Server.BUCKET).key(o.key()).build())
                    .asByteArray();
            List<String> rows = new ArrayList<>();
            try (DataFileReader<GenericRecord> r = new DataFileReader<>(new SeekableByteArrayInput(bytes),
                    new GenericDatumReader<>())) {
                for (GenericRecord g : r) {
                    rows.add(g.get("asset_id") + "/" + g.get("value"));
                }
            }
            out.put(o.key(), rows);
        }
        return out;
    }

    private static int count(Map<String, List<String>> objects) {
        return objects.values().stream().mapToInt(List::size).sum();
    }

    @Test
    void measurementsLandAsHourPartitionedAvroFilesAndAReplayWritesTheSameObjects() throws Exception {
        String topic = "telemetry.s3a";
        stream.createTopics(topic, "dlq.telemetry");
        List<Measurement> readings = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            readings.add(reading(i, "a"));
        }
        stream.send(topic, readings);
        stream.sendRaw(topic, "a_0", "not avro".getBytes(StandardCharsets.UTF_8));
        try (S3Server s3 = S3Server.start(dir.resolve("s3a"), S3Server.freePort()); S3Client client = s3.client()) {
            PrometheusRegistry registry = new PrometheusRegistry();
            Map<String, List<String>> first;
            try (SinkLoop<S3Entry> loop = S3Sink.create(settings(topic, s3, 500, 1000), stream.bootstrap(), dlq,
                    new CircuitBreaker(Clock.systemUTC()), registry)) {
                loop.start();
                await().atMost(WAIT).until(() -> loop.lag() == 0 && loop.recordsOut() == 90);
                assertEquals(1, loop.deadLettered());
                first = objects(client, "gw1/" + topic + "/");
            }
            assertEquals(90, count(first));
            assertEquals(90, first.values().stream().flatMap(List::stream).distinct().count());
            for (String key : first.keySet()) {
                assertTrue(key.matches("gw1/telemetry\\.s3a/2026/01/29/1[01]/telemetry\\.s3a-\\d+-0-999\\.avro"), key);
            }
            // device time picks the hour; without it the gateway time (reading 29: no device time, 10:59:59)
            Set<String> hour10 = new HashSet<>();
            first.forEach((k, v) -> {
                if (k.contains("/2026/01/29/10/")) {
                    hour10.addAll(v);
                }
            });
            Set<String> expected10 = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                expected10.add("a_" + (i % 7) + "/" + (double) i);
            }
            assertEquals(expected10, hour10);
            List<ConsumerRecord<String, byte[]>> dead = stream.read("dlq.telemetry");
            assertTrue(dead.stream().anyMatch(r -> new String(r.headers().lastHeader(KafkaDeadLetters.FINDINGS_HEADER)
                    .value(), StandardCharsets.UTF_8).startsWith("sink_s3: not decodable")));

            // replay everything with other batch boundaries: the same objects, overwritten, no second copy
            stream.resetGroup(S3Sink.GROUP, topic);
            try (SinkLoop<S3Entry> loop = S3Sink.create(settings(topic, s3, 7, 1000), stream.bootstrap(), dlq,
                    new CircuitBreaker(Clock.systemUTC()), registry)) {
                loop.start();
                await().atMost(WAIT).until(() -> loop.lag() == 0 && loop.recordsOut() == 90);
            }
            assertEquals(first, objects(client, "gw1/" + topic + "/"));
        }
    }

    @Test
    void serverDownOpensTheBreakerKeepsTheLagAndRecoversWithoutLoss() throws Exception {
        String topic = "telemetry.s3b";
        stream.createTopics(topic);
        int port = S3Server.freePort();
        S3Server s3 = S3Server.start(dir.resolve("s3b1"), port);
        S3SinkSettings settings = settings(topic, s3, 500, 1000);
        CircuitBreaker breaker = new CircuitBreaker(Clock.systemUTC(), 5, Duration.ofSeconds(2));
        try (SinkLoop<S3Entry> loop = S3Sink.create(settings, stream.bootstrap(), dlq, breaker,
                new PrometheusRegistry())) {
            loop.start();
            List<Measurement> before = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                before.add(reading(i, "b"));
            }
            stream.send(topic, before);
            await().atMost(WAIT).until(() -> loop.lag() == 0 && loop.recordsOut() == 20);
            s3.close();

            List<Measurement> during = new ArrayList<>();
            for (int i = 20; i < 60; i++) {
                during.add(reading(i, "b"));
            }
            stream.send(topic, during);
            await().atMost(WAIT).until(() -> breaker.timesOpened() >= 1);
            assertEquals(HealthStatus.DEGRADED, loop.health().status());
            assertTrue(loop.health().detail().contains("circuit breaker"), loop.health().detail());
            assertTrue(loop.lag() > 0, "lag " + loop.lag());
            assertEquals(20, loop.recordsOut());

            try (S3Server again = S3Server.start(dir.resolve("s3b2"), port); S3Client client = again.client()) {
                await().atMost(WAIT).until(() -> loop.lag() == 0 && loop.recordsOut() == 60);
                assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
                assertEquals(HealthStatus.HEALTHY, loop.health().status());
                // the new server holds every record sent while the old one was away
                assertEquals(40, count(objects(client, "gw1/" + topic + "/")));
            }
        }
    }
}
