package io.arcnode.sink.http.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.arcnode.api.health.HealthStatus;
import io.arcnode.sink.api.CircuitBreaker;
import io.arcnode.sink.api.KafkaDeadLetters;
import io.arcnode.sink.api.SinkException;
import io.arcnode.sink.api.SinkLoop;
import io.arcnode.sink.itest.StreamFixture;
import io.arcnode.sink.itest.TestClock;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP sink against a real HTTP server on a loopback socket (the JDK's) and the real embedded broker: batches
 * arrive with headers, auth and idempotency keys; 5xx opens the breaker after 5 failures and the sink recovers
 * after the cooldown (a test clock); a 400 for one record sends that record to the DLQ and delivers the others;
 * a 429 is retried after its Retry-After.
 */
class HttpSinkTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the server got it. */
    record Received(Map<String, String> headers, JsonNode body, int status) {
    }

    /** Answer: status, body, extra response headers. */
    record Answer(int status, String body, Map<String, String> headers) {
    }

    @TempDir
    static Path tmp;
    static StreamFixture stream;
    HttpServer server;
    boolean stopped;
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile Function<JsonNode, Answer> answer = b -> new Answer(200, "{}", Map.of());

    @BeforeAll
    static void startStream() throws Exception {
        stream = new StreamFixture(tmp.resolve("broker"));
        // all topics first: a send right after a creation can meet a partition whose leader is still moving
        stream.createTopics("telemetry.itest_http_ok", "telemetry.itest_http_5xx", "telemetry.itest_http_400",
                "dlq.telemetry");
    }

    @AfterAll
    static void stopStream() {
        if (stream != null) {
            stream.close();
        }
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ingest", this::handle);
        server.start();
    }

    @AfterEach
    void stopServer() {
        if (!stopped) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
        Map<String, String> headers = new HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        Answer a = answer.apply(body);
        received.add(new Received(headers, body, a.status()));
        a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            ex.getResponseBody().write(out);
        }
        ex.close();
    }

    HttpSinkSettings settings(String topic, String auth, int batch) throws Exception {
        Map<String, Object> m = new HashMap<>();
        m.put("enabled", true);
        m.put("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/ingest");
        m.put("topics", topic);
        m.put("headers", "X-Customer: acme; X-Site: plant 1");
        m.put("auth", auth);
        m.put("user", "arc");
        m.put("timeout_ms", 5000);
        m.put("batch_size", batch);
        return HttpSinkSettings.from(m, "itest-gw", n -> switch (n) {
            case HttpSinkSettings.TOKEN_SECRET -> Optional.of("t0k3n");
            case HttpSinkSettings.PASSWORD_SECRET -> Optional.of("pa55");
            default -> Optional.empty();
        });
    }

    static SinkLoop<HttpRecord> loop(HttpSinkSettings s, String group, Producer<String, byte[]> dlq,
            CircuitBreaker breaker) {
        return HttpSinkComponent.create(s, stream.bootstrap(), group, new KafkaDeadLetters(dlq, "http"), breaker,
                Clock.systemUTC(), d -> {
                    throw new AssertionError("no Retry-After in this test, yet the writer would wait " + d);
                }, new PrometheusRegistry());
    }

    /** @return the ids of the records in the 2xx answered requests */
    List<String> delivered() {
        List<String> ids = new ArrayList<>();
        for (Received r : received) {
            if (r.status() / 100 == 2) {
                r.body().forEach(o -> ids.add(o.get("id").asText()));
            }
        }
        return ids;
    }

    @Test
    void batchesArriveWithHeadersAuthAndIdempotencyKeys() throws Exception {
        String topic = "telemetry.itest_http_ok";
        stream.send(topic, IntStream.range(0, 120).mapToObj(StreamFixture::reading).toList());
        try (Producer<String, byte[]> dlq = stream.producer();
                SinkLoop<HttpRecord> loop = loop(settings(topic, "bearer", 50), "itest-http-ok", dlq,
                        new CircuitBreaker(Clock.systemUTC()))) {
            loop.start();
            await().atMost(WAIT).until(() -> loop.recordsOut() == 120 && loop.lag() == 0);
            assertEquals(HealthStatus.HEALTHY, loop.health().status());
        }
        List<String> ids = delivered();
        assertEquals(120, ids.size());
        assertEquals(120, new HashSet<>(ids).size());
        Set<Double> values = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Received r : received) {
            assertEquals("Bearer t0k3n", r.headers().get("authorization"));
            assertEquals("acme", r.headers().get("x-customer"));
            assertEquals("plant 1", r.headers().get("x-site"));
            assertEquals("application/json", r.headers().get("content-type"));
            assertTrue(r.body().isArray() && r.body().size() <= 50, "one batch of at most batch_size");
            String key = r.headers().get("idempotency-key");
            assertTrue(key.matches("[0-9a-f]{64}"), key);
            keys.add(key);
            for (JsonNode o : r.body()) {
                assertEquals("itest-gw", o.get("gateway_id").asText());
                assertEquals(topic, o.get("topic").asText());
                assertEquals("itest-gw:" + topic + ":" + o.get("partition").asInt() + ":" + o.get("offset").asLong(),
                        o.get("id").asText());
                assertEquals("supply_temp", o.get("measurement").get("parameter").asText());
                values.add(o.get("measurement").get("value").asDouble());
            }
        }
        assertEquals(received.size(), keys.size(), "one key per batch");
        assertEquals(120, values.size());
    }

    @Test
    void serverErrorsOpenTheBreakerAndTheSinkRecoversAfterTheCooldown() throws Exception {
        String topic = "telemetry.itest_http_5xx";
        answer = b -> new Answer(503, "maintenance", Map.of());
        stream.send(topic, IntStream.range(0, 10).mapToObj(StreamFixture::reading).toList());
        TestClock clock = new TestClock(StreamFixture.T0);
        CircuitBreaker breaker = new CircuitBreaker(clock);
        try (Producer<String, byte[]> dlq = stream.producer();
                SinkLoop<HttpRecord> loop = loop(settings(topic, "basic", 100), "itest-http-5xx", dlq, breaker)) {
            loop.start();
            await().atMost(WAIT).until(() -> breaker.state() == CircuitBreaker.State.OPEN);
            int whileOpen = received.size();
            assertEquals(CircuitBreaker.DEFAULT_FAILURE_THRESHOLD, breaker.consecutiveFailures());
            assertTrue(whileOpen >= CircuitBreaker.DEFAULT_FAILURE_THRESHOLD, "5 failed requests: " + whileOpen);
            await().atMost(WAIT).until(() -> loop.lag() == 10);
            assertEquals(HealthStatus.DEGRADED, loop.health().status());
            assertTrue(loop.health().detail().contains("HTTP 503"), loop.health().detail());
            assertEquals(0, loop.recordsOut());
            assertEquals(0, loop.deadLettered());

            answer = b -> new Answer(204, "", Map.of());
            clock.advance(CircuitBreaker.DEFAULT_COOLDOWN);
            await().atMost(WAIT).until(() -> loop.recordsOut() == 10 && loop.lag() == 0);
            assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        }
        assertEquals("Basic YXJjOnBhNTU=", received.get(0).headers().get("authorization"));
        List<String> ids = delivered();
        assertEquals(10, new HashSet<>(ids).size());
        // every request's key is the hash of its records' ids: a retried batch of the same records has the same key
        for (Received r : received) {
            List<HttpRecord> records = new ArrayList<>();
            r.body().forEach(o -> records.add(new HttpRecord(o.get("gateway_id").asText(), o.get("topic").asText(),
                    o.get("partition").asInt(), o.get("offset").asLong(), null)));
            assertEquals(HttpBatchWriter.idempotencyKey(records), r.headers().get("idempotency-key"));
        }
    }

    @Test
    void aRefusedRecordGoesToTheDlqAndTheOthersAreDelivered() throws Exception {
        String topic = "telemetry.itest_http_400";
        answer = b -> {
            for (JsonNode o : b) {
                if (o.get("measurement").get("value").asDouble() == 13) {
                    return new Answer(400, "{\"error\":\"value 13 is refused\"}", Map.of());
                }
            }
            return new Answer(201, "", Map.of());
        };
        stream.send(topic, IntStream.range(0, 30).mapToObj(StreamFixture::reading).toList());
        try (Producer<String, byte[]> dlq = stream.producer();
                SinkLoop<HttpRecord> loop = loop(settings(topic, "none", 100), "itest-http-400", dlq,
                        new CircuitBreaker(Clock.systemUTC()))) {
            loop.start();
            await().atMost(WAIT).until(() -> loop.recordsOut() == 29 && loop.deadLettered() == 1 && loop.lag() == 0);
            assertEquals(CircuitBreaker.State.CLOSED, loop.breaker().state());
            assertEquals(0, loop.errors(), "a 4xx is no failure of the destination");
        }
        List<String> ids = delivered();
        assertEquals(29, new HashSet<>(ids).size());
        assertFalse(received.stream().filter(r -> r.status() / 100 == 2)
                .anyMatch(r -> r.body().findValues("value").stream().anyMatch(v -> v.asDouble() == 13)));
        assertFalse(received.get(0).headers().containsKey("authorization"));
        List<ConsumerRecord<String, byte[]>> dead = stream.read("dlq.telemetry").stream()
                .filter(r -> new String(r.headers().lastHeader(KafkaDeadLetters.SOURCE_HEADER).value(),
                        StandardCharsets.UTF_8).startsWith(topic + "/"))
                .toList();
        assertEquals(1, dead.size());
        String findings = new String(dead.get(0).headers().lastHeader(KafkaDeadLetters.FINDINGS_HEADER).value(),
                StandardCharsets.UTF_8);
        assertTrue(findings.startsWith("sink_http: HTTP 400 from http://127.0.0.1:"), findings);
        assertTrue(findings.endsWith("{\"error\":\"value 13 is refused\"}"), findings);
        assertEquals(13.0, io.arcnode.stream.api.MeasurementAvro.decode(dead.get(0).value()).value());
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() throws Exception {
        TestClock clock = new TestClock(StreamFixture.T0);
        List<Duration> slept = new CopyOnWriteArrayList<>();
        HttpBatchWriter w = new HttpBatchWriter(settings("telemetry.x", "none", 10), clock, d -> {
            slept.add(d);
            clock.advance(d);
        });
        answer = b -> received.isEmpty() ? new Answer(429, "slow down", Map.of("Retry-After", "7"))
                : new Answer(200, "", Map.of());
        List<HttpRecord> batch = List.of(new HttpRecord("itest-gw", "telemetry.x", 0, 5, StreamFixture.reading(5)));
        SinkException e = assertThrows(SinkException.class, () -> w.write(batch));
        assertFalse(e.permanent());
        assertTrue(e.getMessage().startsWith("HTTP 429"), e.getMessage());
        assertTrue(slept.isEmpty());
        w.write(batch);
        assertEquals(List.of(Duration.ofSeconds(7)), slept);
        assertEquals(2, received.size());

        answer = b -> new Answer(404, "no such endpoint", Map.of());
        SinkException refused = assertThrows(SinkException.class, () -> w.write(batch));
        assertTrue(refused.permanent());
        assertEquals("HTTP 404 from " + settings("telemetry.x", "none", 10).url() + ": no such endpoint",
                refused.getMessage());
        answer = b -> new Answer(408, "", Map.of());
        assertFalse(assertThrows(SinkException.class, () -> w.write(batch)).permanent());
        server.stop(0);
        stopped = true;
        SinkException down = assertThrows(SinkException.class, () -> w.write(batch));
        assertFalse(down.permanent(), "connection refused is retryable");
    }
}
