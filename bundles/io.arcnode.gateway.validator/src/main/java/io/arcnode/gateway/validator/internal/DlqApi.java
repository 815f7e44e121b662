package io.arcnode.gateway.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.Violation;
import io.arcnode.api.telemetry.UtcMillis;
import io.arcnode.stream.api.StreamTopics;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The requests of {@code /api/v1/dlq} without the servlet API (so they are tested against the real broker in plain
 * Java): paths relative to {@value #PATH}, bodies as text, answers as status and JSON. Errors are
 * {@code {"error", "detail"}}; 422 details list {@code {field, rule, message}}. The {@link DlqService} is made on the
 * first request and made again after it failed (503 meanwhile).
 */
public final class DlqApi {

    /** The servlet's path. */
    public static final String PATH = "/api/v1/dlq";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** An answer: HTTP status and JSON body. */
    public record Response(int status, JsonNode body) {
    }

    /** Rules as they apply now, with the text they came from ({@code null} text: the built-in defaults). */
    private record Current(String text, String source, List<Rule> rules) {
    }

    private final Supplier<DlqService> factory;
    private final RulesStore store;
    private final java.util.function.Consumer<List<Rule>> onRules;
    private DlqService service;
    private Current current;

    /**
     * @param factory      makes and starts a service (throws {@link DlqService.Unavailable} when the broker is away)
     * @param store        where rule changes are kept
     * @param rulesText    the text of the rules in force at start ({@code null}: none configured)
     * @param rulesSource  where they came from (shown by {@code GET rules})
     * @param rules        the rules in force at start
     * @param onRules      told the new rules after a change (the running stage switches to them)
     */
    public DlqApi(Supplier<DlqService> factory, RulesStore store, String rulesText, String rulesSource,
            List<Rule> rules, java.util.function.Consumer<List<Rule>> onRules) {
        this.factory = factory;
        this.store = store;
        this.onRules = onRules;
        this.current = new Current(rulesText, rulesSource, List.copyOf(rules));
    }

    /** {@code GET} {@code ""} (the listing) or {@code /rules}. */
    public synchronized Response get(String sub, Map<String, String> query) {
        if (sub.equals("/rules")) {
            ObjectNode o = ArcnodeJson.mapper().createObjectNode();
            o.put("source", current.source());
            o.put("rules", current.rules().size());
            o.put("text", current.text());
            return new Response(200, o);
        }
        if (!sub.isEmpty()) {
            return notServed("GET", sub);
        }
        List<Violation> problems = new ArrayList<>();
        checkKeys(query, Set.of("topic", "asset", "rule", "reprocessed", "offset", "limit"), "", problems);
        int offset = integer(query, "offset", 0, 0, Integer.MAX_VALUE, problems);
        int limit = integer(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, problems);
        DlqService.Filter filter = filter(query::get, "", problems);
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        return withService(s -> {
            DlqService.Page page = s.list(filter, offset, limit);
            ObjectNode o = ArcnodeJson.mapper().createObjectNode();
            o.put("total", page.total());
            o.put("offset", offset);
            o.put("limit", limit);
            ArrayNode items = o.putArray("records");
            page.items().forEach(v -> items.add(view(v)));
            return new Response(200, o);
        });
    }

    /** {@code POST /approve} ({@code {id} | {ids} | {filter}}, optional {@code by}) or {@code /reprocess}. */
    public synchronized Response post(String sub, String body) {
        List<Violation> problems = new ArrayList<>();
        JsonNode json = body == null || body.isBlank() ? ArcnodeJson.mapper().createObjectNode() : parse(body, problems);
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        if (!json.isObject()) {
            return invalid(List.of(new Violation("", "type", "the body must be a JSON object")));
        }
        String by = text(json, "by", problems);
        if (sub.equals("/reprocess")) {
            checkKeys(fields(json), Set.of("by"), "", problems);
            if (!problems.isEmpty()) {
                return invalid(problems);
            }
            List<Rule> rules = current.rules();
            return withService(s -> new Response(200, outcome(s.reprocess(rules, by), rules.size())));
        }
        if (!sub.equals("/approve")) {
            return notServed("POST", sub);
        }
        checkKeys(fields(json), Set.of("id", "ids", "filter", "by"), "", problems);
        int given = (json.has("id") ? 1 : 0) + (json.has("ids") ? 1 : 0) + (json.has("filter") ? 1 : 0);
        if (given != 1) {
            problems.add(new Violation("", "one_of", "give exactly one of id, ids, filter"));
        }
        String id = text(json, "id", problems);
        List<String> ids = new ArrayList<>();
        if (json.has("ids")) {
            JsonNode list = json.get("ids");
            if (!list.isArray() || list.isEmpty()) {
                problems.add(new Violation("ids", "type", "must be a non-empty list of record ids"));
            } else {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i).isTextual()) {
                        ids.add(list.get(i).asText());
                    } else {
                        problems.add(new Violation("ids[" + i + "]", "type", "must be a string"));
                    }
                }
            }
        }
        DlqService.Filter filter = null;
        if (json.has("filter")) {
            JsonNode f = json.get("filter");
            if (!f.isObject()) {
                problems.add(new Violation("filter", "type", "must be an object"));
            } else {
                checkKeys(fields(f), Set.of("topic", "asset", "rule"), "filter.", problems);
                filter = filter(k -> f.has(k) ? f.get(k).asText() : null, "filter.", problems);
            }
        }
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        if (id != null) {
            return withService(s -> single(id, s.approve(List.of(id), by)));
        }
        DlqService.Filter chosen = filter;
        return withService(s -> new Response(200, outcome(chosen != null ? s.approve(chosen, by) : s.approve(ids, by),
                -1)));
    }

    /** {@code PUT /rules}: the new rules (YAML or JSON, {@link RulesFile}'s schema), then reprocess all. */
    public synchronized Response put(String sub, String body, String by) {
        if (!sub.equals("/rules")) {
            return notServed("PUT", sub);
        }
        List<Rule> rules;
        try {
            rules = RulesFile.parse(body == null ? "" : body, "rules");
        } catch (RulesFile.Invalid e) {
            return invalid(e.violations());
        }
        store.save(body);
        current = new Current(body, store.file().toString(), rules);
        onRules.accept(rules);
        return withService(s -> new Response(200, outcome(s.reprocess(rules, by), rules.size())));
    }

    private Response single(String id, DlqService.Outcome o) {
        if (!o.notFound().isEmpty()) {
            return error(404, "not found", "no DLQ record " + id + " (ids are topic/partition/offset)");
        }
        if (!o.skipped().isEmpty()) {
            return error(409, "already reprocessed", id + " was sent on to .clean before; it is sent only once");
        }
        if (!o.refused().isEmpty()) {
            return invalid(List.of(new Violation("id", "measurement", o.refused().get(id))));
        }
        return new Response(200, outcome(o, -1));
    }

    private Response withService(java.util.function.Function<DlqService, Response> call) {
        try {
            if (service == null || service.broken()) {
                if (service != null) {
                    service.close();
                    service = null;
                }
                try {
                    service = factory.get();
                } catch (RuntimeException e) { // the broker is away: the clients cannot be made or started
                    return error(503, "dlq unavailable", e.getMessage());
                }
            }
            return call.apply(service);
        } catch (DlqService.Unavailable e) {
            return error(503, "dlq unavailable", e.getMessage());
        }
    }

    /** Closes the service. */
    public synchronized void close() {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    static ObjectNode view(DlqService.View v) {
        DlqService.Entry e = v.entry();
        ObjectNode o = ArcnodeJson.mapper().createObjectNode();
        o.put("id", e.id());
        o.put("topic", e.topic());
        o.put("partition", e.partition());
        o.put("offset", e.offset());
        o.put("key", e.key());
        o.put("timestamp", UtcMillis.format(e.timestamp()));
        o.put("quality", e.quality());
        o.put("raw_quality", e.rawQuality() == null ? null : e.rawQuality().name());
        o.set("measurement", e.measurement() == null ? ArcnodeJson.mapper().nullNode()
                : ArcnodeJson.mapper().valueToTree(e.measurement()));
        o.set("findings", findings(e.findings()));
        o.put("reprocessed", v.done() != null);
        if (v.done() != null) {
            ObjectNode d = o.putObject("reprocessing");
            d.put("action", v.done().action());
            d.put("to", v.done().to());
            d.put("quality", v.done().quality());
            d.put("by", v.done().by());
            d.put("at", UtcMillis.format(v.done().at()));
        }
        return o;
    }

    private static ArrayNode findings(List<Verdict.Finding> findings) {
        ArrayNode a = ArcnodeJson.mapper().createArrayNode();
        findings.forEach(f -> a.addObject().put("rule", f.rule()).put("reason", f.reason()));
        return a;
    }

    /** @return {@code {sent, skipped, not_found, refused: [{id, reason}], still_bad: [{id, findings}]}} */
    static ObjectNode outcome(DlqService.Outcome o, int rules) {
        ObjectNode n = ArcnodeJson.mapper().createObjectNode();
        if (rules >= 0) {
            n.put("rules", rules);
        }
        o.sent().forEach(n.putArray("sent")::add);
        o.skipped().forEach(n.putArray("skipped")::add);
        o.notFound().forEach(n.putArray("not_found")::add);
        ArrayNode refused = n.putArray("refused");
        o.refused().forEach((id, why) -> refused.addObject().put("id", id).put("reason", why));
        ArrayNode bad = n.putArray("still_bad");
        o.stillBad().forEach(b -> bad.addObject().put("id", b.id()).set("findings", findings(b.findings())));
        return n;
    }

    private static DlqService.Filter filter(java.util.function.Function<String, String> get, String prefix,
            List<Violation> problems) {
        String topic = get.apply("topic");
        if (topic != null && !topic.equals(StreamTopics.DLQ_TELEMETRY) && !topic.equals(StreamTopics.DLQ_EVENTS)) {
            problems.add(new Violation(prefix + "topic", "enum", "must be " + StreamTopics.DLQ_TELEMETRY + " or "
                    + StreamTopics.DLQ_EVENTS + " (got " + topic + ")"));
        }
        String reprocessed = get.apply("reprocessed");
        Boolean r = null;
        if (reprocessed != null) {
            if (reprocessed.equals("true") || reprocessed.equals("false")) {
                r = Boolean.valueOf(reprocessed);
            } else {
                problems.add(new Violation(prefix + "reprocessed", "type", "must be true or false"));
            }
        }
        return new DlqService.Filter(topic, get.apply("asset"), get.apply("rule"), r);
    }

    private static int integer(Map<String, String> query, String key, int dflt, int min, int max,
            List<Violation> problems) {
        String v = query.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Violation(key, "range", "must be an integer in " + min + ".." + max + " (got " + v + ")"));
        return dflt;
    }

    private static void checkKeys(Iterable<String> keys, Set<String> allowed, String prefix,
            List<Violation> problems) {
        for (String k : keys) {
            if (!allowed.contains(k)) {
                problems.add(new Violation(prefix + k, "unknown_field", "unknown (allowed: " + String.join(", ",
                        new java.util.TreeSet<>(allowed)) + ")"));
            }
        }
    }

    private static void checkKeys(Map<String, String> query, Set<String> allowed, String prefix,
            List<Violation> problems) {
        checkKeys(query.keySet(), allowed, prefix, problems);
    }

    private static Iterable<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }

    private static String text(JsonNode json, String key, List<Violation> problems) {
        JsonNode v = json.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(new Violation(key, "type", "must be a non-empty string"));
            return null;
        }
        return v.asText();
    }

    private static JsonNode parse(String body, List<Violation> problems) {
        try {
            return ArcnodeJson.mapper().readTree(body);
        } catch (java.io.IOException e) {
            problems.add(new Violation("", "json", "the body is not JSON: " + e.getMessage()));
            return ArcnodeJson.mapper().nullNode();
        }
    }

    private static Response invalid(List<Violation> problems) {
        ArrayNode a = ArcnodeJson.mapper().createArrayNode();
        for (Violation v : problems) {
            a.addObject().put("field", v.field()).put("rule", v.rule()).put("message", v.message());
        }
        return new Response(422, body("validation failed", a));
    }

    private static Response notServed(String method, String sub) {
        return error(404, "not found", method + " " + PATH + sub + " is not served (GET " + PATH + ", GET " + PATH
                + "/rules, POST " + PATH + "/approve, POST " + PATH + "/reprocess, PUT " + PATH + "/rules)");
    }

    private static Response error(int status, String error, String detail) {
        return new Response(status, body(error, ArcnodeJson.mapper().getNodeFactory().textNode(detail)));
    }

    private static ObjectNode body(String error, JsonNode detail) {
        ObjectNode o = ArcnodeJson.mapper().createObjectNode();
        o.put("error", error);
        o.set("detail", detail);
        return o;
    }
}
