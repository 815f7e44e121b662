package io.arcnode.gateway.alarms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST logic against a real engine; the backend runs the actions at once instead of in a stage thread. */
class AlarmApiTest {

    private AlarmEngine engine;
    private AlarmApi api;

    @BeforeEach
    void setUp() {
        engine = new AlarmEngine(List.of(AlarmEngineTest.high(80, 0, 0, 0)), AlarmEngineTest.CLOCK, List.of());
        engine.reading(AlarmEngineTest.reading("cdu_01", "supply_temp", 85, 0));
        engine.reading(AlarmEngineTest.reading("cdu_02", "supply_temp", 85, 0));
        api = new AlarmApi(new AlarmApi.Backend() {
            @Override
            public AlarmEngine engine() {
                return engine;
            }

            @Override
            public CompletableFuture<Alarm> submit(Function<AlarmEngine, Alarm> action) {
                try {
                    return CompletableFuture.completedFuture(action.apply(engine));
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
        });
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void listsWithFiltersAndGetsOne() {
        AlarmApi.Response all = api.get(null, Map.of());
        assertEquals(200, all.status());
        assertEquals(2, all.body().get("count").asInt());
        assertEquals("alm-2", all.body().get("alarms").get(0).get("alarm_id").asText());
        AlarmApi.Response one = api.get("", Map.of("asset", new String[] {"cdu_01"}, "state", new String[] {"ACTIVE"},
                "severity", new String[] {"HIGH"}));
        assertEquals(1, one.body().get("count").asInt());
        JsonNode a = one.body().get("alarms").get(0);
        assertEquals("cdu_01", a.get("asset_id").asText());
        assertEquals("raised", a.get("history").get(0).get("event").asText());
        assertEquals("2026-01-29T10:00:00Z", a.get("raised_at").asText());
        assertEquals("alm-1", api.get("/alm-1", Map.of()).body().get("alarm_id").asText());
        assertEquals(404, api.get("/alm-9", Map.of()).status());
        assertEquals("no alarm alm-9", api.get("/alm-9", Map.of()).body().get("detail").asText());
    }

    @Test
    void badFiltersAre422NamingFieldAndRule() {
        AlarmApi.Response r = api.get("/", Map.of("state", new String[] {"OPEN"}));
        assertEquals(422, r.status());
        assertEquals("validation failed", r.body().get("error").asText());
        JsonNode v = r.body().get("detail").get(0);
        assertEquals("state", v.get("field").asText());
        assertEquals("enum", v.get("rule").asText());
        assertEquals("severity", api.get("/", Map.of("severity", new String[] {"high"})).body().get("detail").get(0)
                .get("field").asText());
        assertEquals("colour", api.get("/", Map.of("colour", new String[] {"red"})).body().get("detail").get(0)
                .get("field").asText());
    }

    @Test
    void ackSuppressUnsuppressRecordWhoAndWhen() {
        AlarmApi.Response r = api.post("/alm-1/ack", json("{\"by\": \"alice\", \"comment\": \"on it\"}"));
        assertEquals(200, r.status());
        assertEquals("ACKNOWLEDGED", r.body().get("state").asText());
        assertEquals("alice", r.body().get("acknowledged").get("by").asText());
        assertEquals("2026-01-29T12:00:00Z", r.body().get("acknowledged").get("at").asText());
        assertEquals("on it", r.body().get("acknowledged").get("comment").asText());
        AlarmApi.Response s = api.post("/alm-2/suppress", json("{\"by\": \"bob\"}"));
        assertEquals("SUPPRESSED", s.body().get("state").asText());
        assertEquals("bob", s.body().get("suppressed").get("by").asText());
        AlarmApi.Response u = api.post("/alm-2/unsuppress", json("{\"by\": \"bob\"}"));
        assertEquals("ACTIVE", u.body().get("state").asText());
        assertEquals(3, u.body().get("history").size());
    }

    @Test
    void missingByIs422UnknownIdIs404IllegalTransitionIs409() {
        AlarmApi.Response noBy = api.post("/alm-1/ack", json("{\"comment\": \"x\"}"));
        assertEquals(422, noBy.status());
        assertEquals("by", noBy.body().get("detail").get(0).get("field").asText());
        assertEquals("required", noBy.body().get("detail").get(0).get("rule").asText());
        assertEquals(422, api.post("/alm-1/ack", json("{\"by\": \"  \"}")).status());
        assertEquals("string", api.post("/alm-1/ack", json("{\"by\": 7}")).body().get("detail").get(0).get("rule")
                .asText());
        assertEquals("body", api.post("/alm-1/ack", json("not json")).body().get("detail").get(0).get("field")
                .asText());
        assertEquals("extra", api.post("/alm-1/ack", json("{\"by\": \"a\", \"extra\": 1}")).body().get("detail")
                .get(0).get("field").asText());
        assertEquals(404, api.post("/alm-9/ack", json("{\"by\": \"alice\"}")).status());
        assertEquals(404, api.post("/alm-1/close", json("{\"by\": \"alice\"}")).status());
        api.post("/alm-1/ack", json("{\"by\": \"alice\"}"));
        AlarmApi.Response again = api.post("/alm-1/ack", json("{\"by\": \"alice\"}"));
        assertEquals(409, again.status());
        assertEquals("illegal transition", again.body().get("error").asText());
        assertEquals("ack: only an ACTIVE alarm can be acknowledged; alm-1 is ACKNOWLEDGED",
                again.body().get("detail").asText());
        engine.reading(AlarmEngineTest.reading("cdu_01", "supply_temp", 70, 1000));
        assertEquals(409, api.post("/alm-1/ack", json("{\"by\": \"alice\"}")).status(), "ACK of a CLEARED alarm");
        assertEquals(409, api.post("/alm-1/suppress", json("{\"by\": \"alice\"}")).status());
    }

    @Test
    void notReadyIs503() {
        AlarmApi notReady = new AlarmApi(new AlarmApi.Backend() {
            @Override
            public AlarmEngine engine() {
                return null;
            }

            @Override
            public CompletableFuture<Alarm> submit(Function<AlarmEngine, Alarm> action) {
                return CompletableFuture.failedFuture(new IllegalStateException("alarms stage not running"));
            }
        });
        assertEquals(503, notReady.get(null, Map.of()).status());
        AlarmApi.Response r = notReady.post("/alm-1/ack", json("{\"by\": \"alice\"}"));
        assertEquals(503, r.status());
        assertEquals("alarms stage not running", r.body().get("detail").asText());
    }
}
