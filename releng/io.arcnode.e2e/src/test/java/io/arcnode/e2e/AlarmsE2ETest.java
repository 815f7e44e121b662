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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alarms of the built gateway in the demo stage (issue 5): the shipped {@code alarms.demo.yml} raises an alarm on
 * the OPC UA simulator's chiller supply temperature (adapter → telemetry.raw → validator → telemetry.clean → alarms);
 * {@code /api/v1/alarms} lists it, refuses an ack without {@code by} (422) and a second ack (409), the ack is on
 * {@code alarms.clean}, and a restarted gateway still has it ACKNOWLEDGED.
 */
class AlarmsE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String RULE = "chiller_supply_temp_high";

    private static HttpResponse<String> post(int port, String path, String body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(40)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    /** @return the alarms of the demo rule, or none while the gateway does not answer */
    private static List<JsonNode> demoAlarms(int port) {
        List<JsonNode> out = new ArrayList<>();
        try {
            JsonNode list = JSON.readTree(Products.get(port, "/api/v1/alarms?asset=chiller_plant_01").body());
            list.path("alarms").forEach(a -> {
                if (a.path("rule").asText().equals(RULE)) {
                    out.add(a);
                }
            });
        } catch (IOException | RuntimeException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    /** @return the JSON values of every committed record of {@code alarms.clean} */
    private static List<JsonNode> alarmsClean(String bootstrap) throws IOException {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<JsonNode> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor("alarms.clean").stream()
                    .map(i -> new TopicPartition("alarms.clean", i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(JSON.readTree(new String(r.value(), StandardCharsets.UTF_8)));
                }
            }
        }
        return out;
    }

    @Test
    void demoAlarmIsRaisedAcknowledgedPublishedAndKeptAcrossARestart(@TempDir Path data) throws Exception {
        int port = Products.freePort();
        Path log = data.resolve("console.log");
        Path customer = Products.streamOnFreePort(data);
        String bootstrap = Products.bootstrap(customer);
        Map<String, String> env = Map.of("CFG_CUSTOMER_PATH", customer.toString());
        Process p = Products.start("gateway", data, log, env, "--env", "demo", "--port", String.valueOf(port));
        String id;
        try {
            Products.await("the demo alarm " + RULE + " ACTIVE on /api/v1/alarms", Duration.ofSeconds(120), log, p,
                    () -> demoAlarms(port).stream().anyMatch(a -> a.path("state").asText().equals("ACTIVE")));
            JsonNode alarm = demoAlarms(port).get(0);
            id = alarm.get("alarm_id").asText();
            assertEquals("HIGH", alarm.get("severity").asText());
            assertEquals("supply_temp_c", alarm.get("parameter").asText());
            assertEquals("condition", alarm.get("history").get(0).get("by").asText());

            HttpResponse<String> noBy = post(port, "/api/v1/alarms/" + id + "/ack", "{\"comment\": \"seen\"}");
            assertEquals(422, noBy.statusCode(), noBy.body());
            JsonNode violation = JSON.readTree(noBy.body()).get("detail").get(0);
            assertEquals("by", violation.get("field").asText());
            assertEquals("required", violation.get("rule").asText());
            assertEquals(404, post(port, "/api/v1/alarms/alm-999999/ack", "{\"by\": \"alice\"}").statusCode());

            HttpResponse<String> ack = post(port, "/api/v1/alarms/" + id + "/ack",
                    "{\"by\": \"alice\", \"comment\": \"seen\"}");
            assertEquals(200, ack.statusCode(), ack.body());
            JsonNode acked = JSON.readTree(ack.body());
            assertEquals("ACKNOWLEDGED", acked.get("state").asText());
            assertEquals("alice", acked.get("acknowledged").get("by").asText());
            HttpResponse<String> again = post(port, "/api/v1/alarms/" + id + "/ack", "{\"by\": \"bob\"}");
            assertEquals(409, again.statusCode(), again.body());

            List<JsonNode> published = alarmsClean(bootstrap);
            assertTrue(published.stream().anyMatch(a -> a.get("alarm_id").asText().equals(id)
                    && a.get("state").asText().equals("ACKNOWLEDGED")
                    && a.get("transition").get("by").asText().equals("alice")), published.toString());
            assertTrue(Products.bodyOrEmpty(port, "/metrics").contains("arcnode_alarm_transitions_total"),
                    "the alarm metrics are on /metrics");
        } finally {
            Products.stop(p);
        }

        Process second = Products.start("gateway", data, log.resolveSibling("console-2.log"), env, "--env", "demo",
                "--port", String.valueOf(port));
        try {
            Products.await("the restarted gateway serving " + id, Duration.ofSeconds(120),
                    log.resolveSibling("console-2.log"), second,
                    () -> Products.bodyOrEmpty(port, "/api/v1/alarms/" + id).contains("\"alarm_id\""));
            JsonNode after = JSON.readTree(Products.get(port, "/api/v1/alarms/" + id).body());
            assertEquals("ACKNOWLEDGED", after.get("state").asText(), after.toString());
            assertEquals(1, demoAlarms(port).size(), "still the same alarm: no new one raised after the restart");
        } finally {
            Products.stop(second);
        }
    }
}
