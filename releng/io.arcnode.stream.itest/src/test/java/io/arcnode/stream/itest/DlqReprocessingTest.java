package io.arcnode.stream.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import io.arcnode.broker.EmbeddedBroker;
import io.arcnode.gateway.validator.internal.AlertGate;
import io.arcnode.gateway.validator.internal.DlqApi;
import io.arcnode.gateway.validator.internal.DlqService;
import io.arcnode.gateway.validator.internal.Rule;
import io.arcnode.gateway.validator.internal.RulesStore;
import io.arcnode.gateway.validator.internal.StageListener;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DLQ workflow against the real embedded broker, through {@link DlqApi} (the servlet's logic): BAD records of
 * the running {@link ValidatorStage} are listed, approved one by one or as a batch, or judged again after a rule
 * change; each lands in {@code telemetry.clean} exactly once, also when approved twice, after a restart of the
 * service and after a transaction left open by a crash. The stage's {@code gap}/{@code clock_skew} alarms reach
 * {@code alarms.raw} once per condition.
 */
class DlqReprocessingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-01-29T10:00:00Z");
    private static final String TXN = "arcnode-validator-dlq-itest";

    @TempDir
    Path tmp;

    private static Measurement reading(String asset, double value, long second, long skewMillis) {
        Instant t = T0.plusSeconds(second);
        return new Measurement(asset, "supply_temp", value, "celsius", Quality.GOOD, Classification.TELEMETRY,
                new Timestamps(t, t.plusMillis(100 + skewMillis)), Map.of("adapter_id", "itest"));
    }

    private static ValidatorStage stage(String bootstrap, List<Rule> rules) {
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
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()), new Validator(rules),
                Clock.systemUTC(), StageListener.NONE);
    }

    private static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TXN);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    /** A DLQ service as the gateway makes it (ledger topic, group-less read_committed consumer, stable txn id). */
    private static DlqService service(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            DlqService.createLedger(admin);
        }
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        DlqService s = new DlqService(new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()),
                new KafkaProducer<>(producerProps(bootstrap), new StringSerializer(), new ByteArraySerializer()),
                Clock.systemUTC(), StageListener.NONE, WAIT);
        s.start();
        return s;
    }

    private DlqApi api(String bootstrap, List<Rule> rules, Consumer<List<Rule>> onRules) {
        return new DlqApi(() -> service(bootstrap), new RulesStore(tmp.resolve("data/validator/rules.yml")), null,
                "defaults", rules, onRules);
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

    /** @return the {@code .clean} records that came from the DLQ record {@code id} */
    private static long cleanFrom(String bootstrap, String id) {
        return read(bootstrap, StreamTopics.TELEMETRY_CLEAN).stream()
                .filter(r -> id.equals(header(r, DlqService.SOURCE_HEADER))).count();
    }

    /** @return the DLQ ids per asset, from the listing */
    private static Map<String, String> idsByAsset(DlqApi api) {
        JsonNode list = api.get("", Map.of()).body();
        Map<String, String> ids = new java.util.TreeMap<>();
        list.path("records").forEach(r -> ids.put(r.path("measurement").path("asset_id").asText(),
                r.path("id").asText()));
        return ids;
    }

    /** @return the listed record with {@code key} */
    private static JsonNode record(JsonNode listing, String key) {
        for (JsonNode r : listing.path("records")) {
            if (key.equals(r.path("key").asText())) {
                return r;
            }
        }
        throw new AssertionError("no record " + key + " in " + listing);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void approveOneABatchTwiceAndAcrossRestartsLandsInCleanOnce() throws Exception {
        String listen = "127.0.0.1:" + freePort();
        List<Rule> rules = List.of(new Rule("*", "supply_temp", 0.0, 90.0, null, null, null));
        try (EmbeddedBroker broker = EmbeddedBroker.start(tmp.resolve("broker"), listen);
                LocalStream stream = new LocalStream(StreamAgainstBrokerTest.settings(listen), Map.of())) {
            await().atMost(WAIT).until(stream::topicsReady);
            stream.publish(reading("cdu_00", 40, 0, 0)).toCompletableFuture().get();
            stream.publish(reading("cdu_01", 95, 1, 0)).toCompletableFuture().get();
            stream.publish(reading("cdu_02", 96, 2, 0)).toCompletableFuture().get();
            stream.publish(reading("cdu_03", Double.NaN, 3, 0)).toCompletableFuture().get();
            stream.publish(reading("cdu_04", 99, 4, 0)).toCompletableFuture().get();
            Properties plain = new Properties();
            plain.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, listen);
            try (KafkaProducer<String, byte[]> junk = new KafkaProducer<>(plain, new StringSerializer(),
                    new ByteArraySerializer())) {
                junk.send(new ProducerRecord<>(StreamTopics.TELEMETRY_RAW, "junk",
                        "not avro".getBytes(StandardCharsets.UTF_8))).get();
            }
            ValidatorStage stage = stage(listen, rules);
            Thread t = new Thread(stage, "validator");
            t.start();
            await().atMost(WAIT).until(() -> read(listen, StreamTopics.DLQ_TELEMETRY).size() == 5);
            stage.close();
            t.join(WAIT.toMillis());

            DlqApi api = api(listen, rules, r -> { });
            JsonNode all = api.get("", Map.of()).body();
            assertEquals(5, all.path("total").asInt(), all.toString());
            JsonNode first = record(all, "cdu_01");
            assertEquals("BAD", first.path("quality").asText());
            assertEquals("GOOD", first.path("raw_quality").asText());
            assertEquals("range", first.path("findings").get(0).path("rule").asText());
            assertFalse(first.path("reprocessed").asBoolean());
            assertEquals(1, api.get("", Map.of("rule", "finite")).body().path("total").asInt());
            assertEquals(1, api.get("", Map.of("asset", "cdu_02")).body().path("total").asInt());
            assertEquals(2, api.get("", Map.of("limit", "2")).body().path("records").size());
            assertEquals(422, api.get("", Map.of("limit", "0")).status());
            Map<String, String> ids = idsByAsset(api);
            String junkId = record(all, "junk").path("id").asText();
            assertTrue(record(all, "junk").path("measurement").isNull());
            assertEquals("schema", record(all, "junk").path("findings").get(0).path("rule").asText());
            DlqApi.Response refused = api.post("/approve", "{\"id\": \"" + junkId + "\"}");
            assertEquals(422, refused.status(), refused.body().toString());
            assertEquals("id", refused.body().path("detail").get(0).path("field").asText());
            assertEquals(422, api.post("/approve", "{\"ids\": []}").status());
            assertEquals(422, api.post("/approve", "{\"id\": \"x\", \"filter\": {}}").status());
            assertEquals(422, api.post("/approve", "{\"filter\": {\"topic\": \"telemetry.raw\"}}").status());

            // approve one; twice answers 409; an unknown id 404
            DlqApi.Response one = api.post("/approve", "{\"id\": \"" + ids.get("cdu_01") + "\", \"by\": \"ops\"}");
            assertEquals(200, one.status(), one.body().toString());
            assertEquals(409, api.post("/approve", "{\"id\": \"" + ids.get("cdu_01") + "\"}").status());
            assertEquals(404, api.post("/approve", "{\"id\": \"dlq.telemetry/0/999\"}").status());
            // a batch: the approved one is skipped, the other sent
            JsonNode batch = api.post("/approve", "{\"ids\": [\"" + ids.get("cdu_01") + "\", \"" + ids.get("cdu_02")
                    + "\"]}").body();
            assertEquals(List.of(ids.get("cdu_02")), texts(batch.path("sent")));
            assertEquals(List.of(ids.get("cdu_01")), texts(batch.path("skipped")));

            ConsumerRecord<String, byte[]> approved = read(listen, StreamTopics.TELEMETRY_CLEAN).stream()
                    .filter(r -> ids.get("cdu_01").equals(header(r, DlqService.SOURCE_HEADER))).findFirst()
                    .orElseThrow();
            assertEquals(DlqService.APPROVED, header(approved, ValidatorStage.QUALITY_HEADER));
            assertEquals("ops", header(approved, DlqService.BY_HEADER));
            assertEquals(95.0, MeasurementAvro.decode(approved.value()).value());
            api.close();

            // a crash mid-batch: a transaction of the service's transactional.id with a .clean record and its
            // ledger entry, never committed
            try (KafkaProducer<String, byte[]> crashed = new KafkaProducer<>(producerProps(listen),
                    new StringSerializer(), new ByteArraySerializer())) {
                crashed.initTransactions();
                crashed.beginTransaction();
                RecordHeaders h = new RecordHeaders();
                h.add(DlqService.SOURCE_HEADER, ids.get("cdu_04").getBytes(StandardCharsets.UTF_8));
                crashed.send(new ProducerRecord<>(StreamTopics.TELEMETRY_CLEAN, null, "cdu_04",
                        MeasurementAvro.encode(reading("cdu_04", 99, 4, 0)), h)).get();
                crashed.send(new ProducerRecord<>(DlqService.LEDGER_TOPIC, ids.get("cdu_04"),
                        "{\"action\":\"approved\"}".getBytes(StandardCharsets.UTF_8))).get();
                crashed.flush();
            }

            // a restarted service knows what was sent before, and what was not
            DlqApi again = api(listen, rules, r -> { });
            assertEquals(409, again.post("/approve", "{\"id\": \"" + ids.get("cdu_01") + "\"}").status());
            JsonNode done = again.get("", Map.of("reprocessed", "true")).body();
            assertEquals(2, done.path("total").asInt(), done.toString());
            assertEquals("ops", record(done, "cdu_01").path("reprocessing").path("by").asText());
            assertEquals("approved", record(done, "cdu_02").path("reprocessing").path("action").asText());
            JsonNode byFilter = again.post("/approve", "{\"filter\": {\"asset\": \"cdu_04\"}}").body();
            assertEquals(List.of(ids.get("cdu_04")), texts(byFilter.path("sent")), byFilter.toString());
            JsonNode finite = again.post("/approve", "{\"filter\": {\"rule\": \"finite\"}}").body();
            assertEquals(List.of(ids.get("cdu_03")), texts(finite.path("sent")));
            JsonNode schema = again.post("/approve", "{\"filter\": {\"rule\": \"schema\"}}").body();
            assertEquals(junkId, schema.path("refused").get(0).path("id").asText(), schema.toString());
            assertEquals(0, again.post("/approve", "{\"filter\": {\"rule\": \"finite\"}}").body().path("sent").size());
            again.close();

            for (String asset : List.of("cdu_01", "cdu_02", "cdu_03", "cdu_04")) {
                assertEquals(1, cleanFrom(listen, ids.get(asset)), asset + " lands in .clean exactly once");
            }
            assertEquals(5, read(listen, StreamTopics.TELEMETRY_CLEAN).size());
        }
    }

    @Test
    void aRuleChangeReprocessesEveryDlqRecordOnceAndTheStageUsesIt() throws Exception {
        String listen = "127.0.0.1:" + freePort();
        List<Rule> rules = List.of(new Rule("*", "supply_temp", 0.0, 90.0, null, null, null));
        try (EmbeddedBroker broker = EmbeddedBroker.start(tmp.resolve("broker"), listen);
                LocalStream stream = new LocalStream(StreamAgainstBrokerTest.settings(listen), Map.of())) {
            await().atMost(WAIT).until(stream::topicsReady);
            stream.publish(reading("cdu_10", 95, 1, 0)).toCompletableFuture().get();       // ok with max 120
            stream.publish(reading("cdu_11", 150, 2, 0)).toCompletableFuture().get();      // still too high
            stream.publish(reading("cdu_12", Double.NaN, 3, 0)).toCompletableFuture().get(); // never finite
            stream.publish(reading("cdu_13", 40, 4, 0)).toCompletableFuture().get();
            stream.publish(reading("cdu_13", 41, 4, 0)).toCompletableFuture().get();       // duplicate
            stream.publish(reading("cdu_14", 50, 5, 60_000)).toCompletableFuture().get();  // clock skew
            stream.publish(reading("cdu_14", 51, 6, 60_000)).toCompletableFuture().get();  // still skewed
            Measurement markedBad = reading("cdu_16", 50, 8, 0);
            stream.publish(new Measurement("cdu_16", "supply_temp", 50, "celsius", Quality.BAD,
                    Classification.TELEMETRY, markedBad.timestamps(), Map.of())).toCompletableFuture().get();
            ValidatorStage stage = stage(listen, rules);
            Thread t = new Thread(stage, "validator");
            t.start();
            try {
                await().atMost(WAIT).until(() -> read(listen, StreamTopics.DLQ_TELEMETRY).size() == 5
                        && read(listen, StreamTopics.TELEMETRY_CLEAN).size() == 3);

                // the skewed device raised one alarm, not one per reading
                List<ConsumerRecord<String, byte[]>> alarms = read(listen, StreamTopics.ALARMS_RAW);
                assertEquals(1, alarms.size());
                Measurement alarm = MeasurementAvro.decode(alarms.get(0).value());
                assertEquals(Classification.ALARM, alarm.classification());
                assertEquals("cdu_14", alarm.assetId());
                assertEquals("clock_skew", alarm.metadata().get(AlertGate.RULE_KEY));
                assertTrue(alarm.metadata().get(AlertGate.REASON_KEY).contains("60100 ms"), alarm.toString());

                DlqApi api = api(listen, rules, stage::useRules);
                Map<String, String> ids = idsByAsset(api);
                // wrong rules: 422 naming field and rule, nothing stored, nothing reprocessed
                DlqApi.Response wrong = api.put("/rules", "rules:\n  - {parameter: supply_temp, min: 10, max: 5}\n",
                        "ops");
                assertEquals(422, wrong.status());
                assertEquals("rules[0].max", wrong.body().path("detail").get(0).path("field").asText());
                assertEquals("min_le_max", wrong.body().path("detail").get(0).path("rule").asText());
                assertFalse(Files.exists(tmp.resolve("data/validator/rules.yml")));

                String newRules = "rules:\n  - {parameter: supply_temp, min: 0, max: 120}\n";
                JsonNode changed = api.put("/rules", newRules, "ops").body();
                assertEquals(List.of(ids.get("cdu_10")), texts(changed.path("sent")), changed.toString());
                assertEquals(1, api.get("", Map.of("rule", "adapter")).body().path("total").asInt(),
                        "a reading the adapter marked BAD is listed with the rule adapter");
                List<String> stillBad = new ArrayList<>();
                changed.path("still_bad").forEach(b -> stillBad.add(b.path("findings").get(0).path("rule").asText()));
                assertEquals(List.of("adapter", "duplicate", "finite", "range"), stillBad.stream().sorted().toList());
                assertEquals(newRules, Files.readString(tmp.resolve("data/validator/rules.yml")));
                ConsumerRecord<String, byte[]> back = read(listen, StreamTopics.TELEMETRY_CLEAN).stream()
                        .filter(r -> ids.get("cdu_10").equals(header(r, DlqService.SOURCE_HEADER))).findFirst()
                        .orElseThrow();
                assertEquals("GOOD", header(back, ValidatorStage.QUALITY_HEADER));
                assertEquals(Quality.GOOD, MeasurementAvro.decode(back.value()).quality());

                // reprocessing again sends nothing twice
                assertEquals(0, api.put("/rules", newRules, null).body().path("sent").size());
                assertEquals(0, api.post("/reprocess", "").body().path("sent").size());
                assertEquals(1, cleanFrom(listen, ids.get("cdu_10")));

                // the running stage validates with the new rules too
                stream.publish(reading("cdu_15", 110, 7, 0)).toCompletableFuture().get();
                await().atMost(WAIT).until(() -> read(listen, StreamTopics.TELEMETRY_CLEAN).stream()
                        .anyMatch(r -> "cdu_15".equals(r.key())));
                assertEquals(5, read(listen, StreamTopics.DLQ_TELEMETRY).size());
                api.close();
            } finally {
                stage.close();
                t.join(WAIT.toMillis());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }
}
