package io.arcnode.sink.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpSinkSettingsTest {

    static final Instant T0 = Instant.parse("2026-01-29T10:00:00Z");

    static Map<String, Object> valid() {
        Map<String, Object> m = new HashMap<>();
        m.put("enabled", true);
        m.put("url", "https://ingest.example.com/v1/telemetry");
        m.put("topics", "telemetry.clean");
        m.put("headers", "X-Customer: acme; X-Site: plant 1");
        m.put("auth", "bearer");
        m.put("timeout_ms", 10000);
        m.put("batch_size", 500);
        return m;
    }

    static Optional<String> secrets(String name) {
        return switch (name) {
            case HttpSinkSettings.TOKEN_SECRET -> Optional.of("t0k3n");
            case HttpSinkSettings.PASSWORD_SECRET -> Optional.of("pa55");
            default -> Optional.empty();
        };
    }

    @Test
    void parsesUrlHeadersAndAuth() throws Exception {
        HttpSinkSettings s = HttpSinkSettings.from(valid(), "gw-1", HttpSinkSettingsTest::secrets);
        assertEquals("ingest.example.com", s.url().getHost());
        assertEquals(Map.of("X-Customer", "acme", "X-Site", "plant 1"), s.headers());
        assertEquals("Bearer t0k3n", s.authorization());
        assertEquals(Duration.ofSeconds(10), s.timeout());
        assertFalse(s.toString().contains("t0k3n"), s.toString());
        Map<String, Object> basic = valid();
        basic.put("auth", "basic");
        basic.put("user", "arc");
        assertEquals("Basic YXJjOnBhNTU=", HttpSinkSettings.from(basic, "gw-1", HttpSinkSettingsTest::secrets)
                .authorization());
        Map<String, Object> none = valid();
        none.put("auth", "none");
        none.put("headers", null);
        HttpSinkSettings n = HttpSinkSettings.from(none, "gw-1", x -> Optional.empty());
        assertNull(n.authorization());
        assertTrue(n.headers().isEmpty());
    }

    @Test
    void eachBrokenRuleNamesKeyAndRule() {
        assertMessage("url", null, "configuration key sink_http.url: is required when sink_http.enabled is true");
        assertMessage("url", "ftp://x/y", "sink_http.url: 'ftp://x/y' must be an absolute http:// or https:// URL");
        assertMessage("url", "http://bad host/", "sink_http.url: 'http://bad host/' is not a URL");
        assertMessage("topics", "a,b c", "sink_http.topics: 'b c' is not a topic name");
        assertMessage("headers", "NoColon", "sink_http.headers: 'NoColon' must be Name: value");
        assertMessage("headers", "Authorization: x", "sink_http.headers: 'Authorization' is set by the sink itself");
        assertMessage("headers", "X-A: 1; x-a: 2", "sink_http.headers: 'x-a' is given twice");
        assertMessage("auth", "digest", "sink_http.auth: must be one of none, bearer, basic");
        assertMessage("auth", "basic", "sink_http.user: is required when sink_http.auth is basic");
        assertMessage("timeout_ms", 5, "sink_http.timeout_ms: must be an integer between 1000 and 300000");
        assertMessage("batch_size", 10_001, "sink_http.batch_size: must be an integer between 1 and 10000");
        Exception e = assertThrows(HttpSinkSettings.Invalid.class,
                () -> HttpSinkSettings.from(valid(), "gw-1", x -> Optional.empty()));
        assertEquals("configuration key sink_http.auth: is bearer but the secret SINK_HTTP_TOKEN is not set in"
                + " secrets.env", e.getMessage());
    }

    @Test
    void theBodyIsAJsonArrayWithStableIdsAndTheKeyFollowsTheRecords() throws Exception {
        Measurement m = new Measurement("pump_1", "supply_temp", 71.5, "celsius", Quality.GOOD,
                Classification.TELEMETRY, new Timestamps(T0, T0.plusMillis(20)), Map.of("adapter_id", "a1"));
        HttpRecord a = new HttpRecord("gw-1", "telemetry.clean", 3, 17, m);
        HttpRecord b = new HttpRecord("gw-1", "telemetry.clean", 3, 18, m);
        JsonNode body = new ObjectMapper().readTree(HttpBatchWriter.body(List.of(a, b)));
        assertEquals(2, body.size());
        assertEquals("gw-1:telemetry.clean:3:17", body.get(0).get("id").asText());
        assertEquals(17, body.get(0).get("offset").asLong());
        assertEquals(3, body.get(0).get("partition").asInt());
        assertEquals("telemetry.clean", body.get(0).get("topic").asText());
        JsonNode jm = body.get(1).get("measurement");
        assertEquals("pump_1", jm.get("asset_id").asText());
        assertEquals(71.5, jm.get("value").asDouble());
        assertEquals("GOOD", jm.get("quality").asText());
        assertEquals("a1", jm.get("metadata").get("adapter_id").asText());
        assertEquals(T0, Instant.parse(jm.get("timestamps").get("device_time").asText()));
        String key = HttpBatchWriter.idempotencyKey(List.of(a, b));
        assertTrue(key.matches("[0-9a-f]{64}"), key);
        assertEquals(key, HttpBatchWriter.idempotencyKey(List.of(new HttpRecord("gw-1", "telemetry.clean", 3, 17, m),
                new HttpRecord("gw-1", "telemetry.clean", 3, 18, m))));
        assertNotEquals(key, HttpBatchWriter.idempotencyKey(List.of(a)));
    }

    @Test
    void retryAfterAsSecondsOrHttpDateBounded() throws Exception {
        HttpBatchWriter w = new HttpBatchWriter(HttpSinkSettings.from(valid(), "gw-1", HttpSinkSettingsTest::secrets),
                Clock.fixed(T0, ZoneOffset.UTC), d -> { });
        assertEquals(Optional.of(Duration.ofSeconds(7)), w.retryAfter(Optional.of("7")));
        assertEquals(Optional.of(Duration.ofSeconds(90)), w.retryAfter(Optional.of("Thu, 29 Jan 2026 10:01:30 GMT")));
        assertEquals(Optional.of(Duration.ZERO), w.retryAfter(Optional.of("Thu, 29 Jan 2026 09:00:00 GMT")));
        assertEquals(Optional.of(HttpBatchWriter.MAX_RETRY_AFTER), w.retryAfter(Optional.of("999999")));
        assertEquals(Optional.empty(), w.retryAfter(Optional.of("soon")));
        assertEquals(Optional.empty(), w.retryAfter(Optional.empty()));
    }

    private static void assertMessage(String key, Object value, String expected) {
        Map<String, Object> m = valid();
        m.put(key, value);
        Exception e = assertThrows(HttpSinkSettings.Invalid.class,
                () -> HttpSinkSettings.from(m, "gw-1", HttpSinkSettingsTest::secrets));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
