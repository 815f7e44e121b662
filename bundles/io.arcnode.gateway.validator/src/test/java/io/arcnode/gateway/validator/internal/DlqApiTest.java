package io.arcnode.gateway.validator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request checks of {@link DlqApi} that answer before the DLQ service is needed (it is never made here). */
class DlqApiTest {

    @TempDir
    Path dir;

    private final List<List<Rule>> changes = new ArrayList<>();

    private DlqApi api() {
        return new DlqApi(() -> {
            throw new DlqService.Unavailable("no broker in this test", null);
        }, new RulesStore(dir.resolve("rules.yml")), "rules: []\n", "conf/rules.yml", List.of(), changes::add);
    }

    private static List<String> fieldRules(DlqApi.Response r) {
        assertEquals(422, r.status(), r.body().toString());
        assertEquals("validation failed", r.body().path("error").asText());
        List<String> out = new ArrayList<>();
        r.body().path("detail").forEach(v -> out.add(v.path("field").asText() + ":" + v.path("rule").asText()));
        return out;
    }

    @Test
    void listingParametersAreChecked() {
        Map<String, String> query = Map.of("limit", "1001", "offset", "-1", "topic", "telemetry.raw", "reprocessed",
                "yes", "x", "1");
        assertEquals(List.of("limit:range", "offset:range", "reprocessed:type", "topic:enum", "x:unknown_field"),
                fieldRules(api().get("", query)).stream().sorted().toList());
        assertEquals(List.of("limit:range"), fieldRules(api().get("", Map.of("limit", "ten"))));
    }

    @Test
    void approveBodiesAreChecked() {
        DlqApi api = api();
        assertEquals(List.of(":json"), fieldRules(api.post("/approve", "{")));
        assertEquals(List.of(":type"), fieldRules(api.post("/approve", "[1]")));
        assertEquals(List.of(":one_of"), fieldRules(api.post("/approve", "{}")));
        assertEquals(List.of(":one_of"), fieldRules(api.post("/approve", "{\"id\": \"a\", \"ids\": [\"b\"]}")));
        assertEquals(List.of("ids:type"), fieldRules(api.post("/approve", "{\"ids\": []}")));
        assertEquals(List.of("ids[1]:type"), fieldRules(api.post("/approve", "{\"ids\": [\"a\", 2]}")));
        assertEquals(List.of("filter.when:unknown_field"), fieldRules(api.post("/approve",
                "{\"filter\": {\"when\": 1}}")));
        assertEquals(List.of("by:type", "colour:unknown_field"), fieldRules(api.post("/approve",
                "{\"id\": \"a\", \"by\": 3, \"colour\": 1}")));
    }

    @Test
    void wrongRulesAre422AndChangeNothing() {
        DlqApi api = api();
        assertEquals(List.of("rules[0].max:min_le_max"), fieldRules(api.put("/rules",
                "rules:\n  - {min: 3, max: 1}\n", "ops")));
        assertFalse(Files.exists(dir.resolve("rules.yml")));
        assertEquals(List.of(), changes);
        JsonNode current = api.get("/rules", Map.of()).body();
        assertEquals("conf/rules.yml", current.path("source").asText());
        assertEquals("rules: []\n", current.path("text").asText());
    }

    @Test
    void validRulesAreKeptAndAppliedThenTheBrokerIsAsked() throws Exception {
        DlqApi api = api();
        DlqApi.Response r = api.put("/rules", "rules:\n  - {parameter: p, max: 1}\n", "ops");
        assertEquals(503, r.status(), "the reprocessing needs the broker");
        assertEquals("dlq unavailable", r.body().path("error").asText());
        assertEquals("rules:\n  - {parameter: p, max: 1}\n", Files.readString(dir.resolve("rules.yml")));
        assertEquals(List.of(List.of(new Rule("*", "p", null, 1.0, null, null, null))), changes);
        assertEquals(1, api.get("/rules", Map.of()).body().path("rules").asInt());
    }

    @Test
    void unknownPathsAre404() {
        DlqApi api = api();
        assertEquals(404, api.get("/nothing", Map.of()).status());
        assertEquals(404, api.post("/delete", "{}").status());
        assertEquals(404, api.put("/approve", "{}", null).status());
    }
}
