package io.arcnode.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's DLQ workflow over real HTTP on the built gateway: BAD readings written to {@code telemetry.raw} (plain
 * Kafka producer, plain Avro) are listed by {@code GET /api/v1/dlq}, approved once (a second approval is 409, also
 * after a restart of the gateway), wrong rules are 422 naming field and rule, a rule change is kept across the restart,
 * and the validator's counters and its clock-skew alarm show on {@code /metrics}.
 */
class DlqE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static byte[] measurement(String asset, double value, Instant deviceTime, Instant gatewayTime)
            throws IOException {
        Schema schema = new Schema.Parser().parse(Products.repo()
                .resolve(Path.of("bundles/io.arcnode.stream/src/main/resources/avro/measurement-v1.avsc")).toFile());
        GenericRecord ts = new GenericData.Record(schema.getField("timestamps").schema());
        ts.put("device_time", deviceTime.toEpochMilli());
        ts.put("gateway_time", gatewayTime.toEpochMilli());
        GenericRecord m = new GenericData.Record(schema);
        m.put("asset_id", asset);
        m.put("parameter", "supply_temp");
        m.put("value", value);
        m.put("unit", "celsius");
        m.put("quality", new GenericData.EnumSymbol(schema.getField("quality").schema(), "GOOD"));
        m.put("classification", new GenericData.EnumSymbol(schema.getField("classification").schema(),
                "TELEMETRY"));
        m.put("timestamps", ts);
        m.put("metadata", Map.of("adapter_id", "e2e"));
        return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(m).array();
    }

    private static HttpResponse<String> send(int port, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode dlq(int port, String query) {
        try {
            return JSON.readTree(Products.get(port, "/api/v1/dlq" + query).body());
        } catch (IOException e) {
            return JSON.createObjectNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return JSON.createObjectNode();
        }
    }

    @Test
    void badReadingsAreListedApprovedOnceAndRuleChangesSurviveARestart(@TempDir Path data) throws Exception {
        int port = Products.freePort();
        Path customer = Products.bareGatewayOnFreePort(data);
        String bootstrap = Products.bootstrap(customer);
        Map<String, String> env = Map.of("CFG_CUSTOMER_PATH", customer.toString());
        Path log = data.resolve("console.log");
        Process p = Products.start("gateway", data, log, env, "--env", "demo", "--port", String.valueOf(port));
        try {
            Products.await("validator healthy", Products.START_TIMEOUT, log, p,
                    () -> Products.bodyOrEmpty(port, "/health").contains("raw -> clean / dlq"));
            Instant now = Instant.now();
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                    new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>("telemetry.raw", "cdu_nan",
                        measurement("cdu_nan", Double.NaN, now, now))).get();
                producer.send(new ProducerRecord<>("telemetry.raw", "cdu_hot",
                        measurement("cdu_hot", 95, now, now))).get();
                for (int i = 0; i < 3; i++) { // a device clock 60 s behind: SUSPECT, one alarm
                    Instant t = now.plusMillis(i);
                    producer.send(new ProducerRecord<>("telemetry.raw", "cdu_skew",
                            measurement("cdu_skew", 40, t.minusSeconds(60), t))).get();
                }
            }
            Products.await("the NaN reading in the DLQ", Duration.ofSeconds(60), log, p,
                    () -> dlq(port, "").path("total").asInt() == 1);
            JsonNode listed = dlq(port, "?rule=finite").path("records").get(0);
            assertEquals("cdu_nan", listed.path("measurement").path("asset_id").asText(), listed.toString());
            String id = listed.path("id").asText();

            assertEquals(200, send(port, "POST", "/api/v1/dlq/approve", "{\"id\": \"" + id + "\", \"by\": \"e2e\"}")
                    .statusCode());
            assertEquals(409, send(port, "POST", "/api/v1/dlq/approve", "{\"id\": \"" + id + "\"}").statusCode());
            assertEquals(404, send(port, "POST", "/api/v1/dlq/approve", "{\"id\": \"dlq.telemetry/0/99999\"}")
                    .statusCode());
            HttpResponse<String> wrong = send(port, "PUT", "/api/v1/dlq/rules", "rules:\n  - {min: 5, max: 1}\n");
            assertEquals(422, wrong.statusCode());
            JsonNode violation = JSON.readTree(wrong.body()).path("detail").get(0);
            assertEquals("rules[0].max", violation.path("field").asText(), wrong.body());
            assertEquals("min_le_max", violation.path("rule").asText(), wrong.body());
            // a tighter range from now on: the next hot reading goes to the DLQ
            assertEquals(200, send(port, "PUT", "/api/v1/dlq/rules?by=e2e",
                    "rules:\n  - {parameter: supply_temp, max: 90}\n").statusCode());
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                    new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>("telemetry.raw", "cdu_hot",
                        measurement("cdu_hot", 96, now.plusSeconds(1), now.plusSeconds(1)))).get();
            }
            Products.await("the hot reading in the DLQ under the new rules", Duration.ofSeconds(60), log, p,
                    () -> dlq(port, "?rule=range").path("total").asInt() == 1);

            List<String> expected = List.of("arcnode_validator_records_in_total{topic=\"telemetry.raw\"} 6",
                    "arcnode_validator_alarms_total{rule=\"clock_skew\"} 1",
                    "arcnode_validator_dlq_total{rule=\"finite\"} 1",
                    "arcnode_validator_dlq_total{rule=\"range\"} 1",
                    "arcnode_validator_dlq_reprocessed_total{how=\"approved\"} 1",
                    "arcnode_validator_latency_seconds_count 6");
            Products.await("the validator's counters on /metrics: " + expected, Duration.ofSeconds(30), log, p,
                    () -> Products.bodyOrEmpty(port, "/metrics").lines().toList().containsAll(expected));
        } finally {
            Products.stop(p);
        }

        p = Products.start("gateway", data, log, env, "--env", "demo", "--port", String.valueOf(port));
        try {
            Products.await("validator healthy after the restart", Products.START_TIMEOUT, log, p,
                    () -> Products.bodyOrEmpty(port, "/health").contains("raw -> clean / dlq"));
            JsonNode rules = JSON.readTree(Products.get(port, "/api/v1/dlq/rules").body());
            assertEquals("rules:\n  - {parameter: supply_temp, max: 90}\n", rules.path("text").asText(),
                    rules.toString());
            JsonNode done = dlq(port, "?reprocessed=true");
            assertEquals(1, done.path("total").asInt(), done.toString());
            assertEquals("e2e", done.path("records").get(0).path("reprocessing").path("by").asText());
            String id = done.path("records").get(0).path("id").asText();
            assertEquals(409, send(port, "POST", "/api/v1/dlq/approve", "{\"id\": \"" + id + "\"}").statusCode(),
                    "approved before the restart: sent only once");
            assertTrue(Files.readString(log).contains("validator: 1 rule(s) from"), "the kept rules are used");
        } finally {
            Products.stop(p);
        }
    }
}
