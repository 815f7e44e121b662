package io.arcnode.gateway.alarms.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.telemetry.AlarmState;
import io.arcnode.http.api.HttpErrors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * {@code /api/v1/alarms} as plain Java (the servlet only moves bytes): {@code GET} lists ({@code state},
 * {@code severity}, {@code asset} filters), {@code GET /{id}} gives one, {@code POST /{id}/ack|suppress|unsuppress}
 * with {@code {"by", "comment"}} runs the operator action. Errors: 422 naming field and rule, 404 unknown id or
 * path, 409 illegal transition with the rule, 503 stage not running.
 */
final class AlarmApi {

    /** Path of the servlet. */
    static final String PATH = "/api/v1/alarms";
    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(30);
    private static final Set<String> BODY_FIELDS = Set.of("by", "comment");
    private static final Set<String> FILTERS = Set.of("state", "severity", "asset");

    /** Where the alarms are: the running stage. */
    interface Backend {
        /** @return the engine, or null while the stage has not restored it */
        AlarmEngine engine();

        /** @return the action's result once published (see {@link AlarmStage#submit}) */
        CompletableFuture<Alarm> submit(Function<AlarmEngine, Alarm> action);
    }

    /** A status and a JSON body. */
    record Response(int status, JsonNode body) {
    }

    private final Backend backend;

    AlarmApi(Backend backend) {
        this.backend = backend;
    }

    /** {@code GET PATH + pathInfo}. */
    Response get(String pathInfo, Map<String, String[]> query) {
        AlarmEngine e = backend.engine();
        if (e == null) {
            return error(503, "alarms not ready", "the alarms stage has not started yet (see /health)");
        }
        String sub = pathInfo == null ? "" : pathInfo;
        if (sub.isEmpty() || sub.equals("/")) {
            return list(e, query);
        }
        String id = sub.substring(1);
        if (id.contains("/")) {
            return error(404, "not found", "no resource " + PATH + sub);
        }
        Alarm a = e.get(id);
        return a == null ? error(404, "not found", "no alarm " + id) : new Response(200, AlarmJson.tree(a));
    }

    private Response list(AlarmEngine e, Map<String, String[]> query) {
        List<ObjectNode> problems = new ArrayList<>();
        for (String k : query.keySet()) {
            if (!FILTERS.contains(k)) {
                problems.add(violation(k, "unknown", "unknown query parameter (allowed: asset, severity, state)"));
            }
        }
        String stateText = single(query, "state", problems);
        AlarmState state = null;
        if (stateText != null) {
            try {
                state = AlarmState.fromJson(stateText);
            } catch (IllegalArgumentException ex) {
                problems.add(violation("state", "enum", "must be one of ACTIVE, ACKNOWLEDGED, CLEARED, SUPPRESSED (got "
                        + stateText + ")"));
            }
        }
        String sevText = single(query, "severity", problems);
        Severity severity = sevText == null ? null : Severity.parse(sevText);
        if (sevText != null && severity == null) {
            problems.add(violation("severity", "enum", "must be one of CRITICAL, HIGH, MEDIUM, LOW (got " + sevText
                    + ")"));
        }
        String asset = single(query, "asset", problems);
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        ObjectNode o = ArcnodeJson.mapper().createObjectNode();
        ArrayNode items = o.putArray("alarms");
        e.list(state, severity, asset).forEach(a -> items.add(AlarmJson.tree(a)));
        o.put("count", items.size());
        return new Response(200, o);
    }

    private static String single(Map<String, String[]> query, String key, List<ObjectNode> problems) {
        String[] v = query.get(key);
        if (v == null || v.length == 0) {
            return null;
        }
        if (v.length > 1) {
            problems.add(violation(key, "single", "given " + v.length + " times; give it once"));
            return null;
        }
        return v[0];
    }

    /** {@code POST PATH + pathInfo} with {@code body}. */
    Response post(String pathInfo, byte[] body) {
        String[] parts = pathInfo == null ? new String[0] : pathInfo.split("/", -1);
        // "/alm-1/ack" -> ["", "alm-1", "ack"]
        if (parts.length != 3 || !parts[0].isEmpty() || parts[1].isEmpty()
                || !List.of("ack", "suppress", "unsuppress").contains(parts[2])) {
            return error(404, "not found", "no resource " + PATH + (pathInfo == null ? "" : pathInfo)
                    + "; POST " + PATH + "/{id}/ack, /suppress or /unsuppress");
        }
        String id = parts[1];
        String action = parts[2];
        JsonNode json;
        try {
            json = ArcnodeJson.mapper().readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException ex) {
            return invalid(List.of(violation("body", "json", "not JSON: " + ex.getOriginalMessage())));
        }
        if (json == null || !json.isObject()) {
            return invalid(List.of(violation("body", "object", "must be a JSON object {\"by\": ..., \"comment\": ...}")));
        }
        List<ObjectNode> problems = new ArrayList<>();
        for (Iterator<String> it = json.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!BODY_FIELDS.contains(f)) {
                problems.add(violation(f, "unknown", "unknown field (allowed: by, comment)"));
            }
        }
        JsonNode by = json.get("by");
        if (by == null || by.isNull() || (by.isTextual() && by.asText().isBlank())) {
            problems.add(violation("by", "required", "who " + action + "s the alarm: the operator's name"));
        } else if (!by.isTextual()) {
            problems.add(violation("by", "string", "must be a string"));
        }
        JsonNode comment = json.get("comment");
        if (comment != null && !comment.isNull() && !comment.isTextual()) {
            problems.add(violation("comment", "string", "must be a string"));
        }
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        String who = by.asText().trim();
        String text = comment == null || comment.isNull() ? null : comment.asText();
        Function<AlarmEngine, Alarm> run = switch (action) {
            case "ack" -> e -> e.ack(id, who, text);
            case "suppress" -> e -> e.suppress(id, who, text);
            default -> e -> e.unsuppress(id, who, text);
        };
        try {
            Alarm a = backend.submit(run).get(ACTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new Response(200, AlarmJson.tree(a));
        } catch (ExecutionException ex) {
            Throwable c = ex.getCause();
            if (c instanceof AlarmEngine.UnknownAlarm) {
                return error(404, "not found", c.getMessage());
            }
            if (c instanceof AlarmEngine.IllegalTransition) {
                return error(409, "illegal transition", c.getMessage());
            }
            return error(503, "alarms not available", String.valueOf(c.getMessage()));
        } catch (TimeoutException ex) {
            return error(503, "alarms not available", "the action was not published within "
                    + ACTION_TIMEOUT.toSeconds() + " s; it may still be, see GET " + PATH + "/" + id);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return error(503, "alarms not available", "interrupted");
        }
    }

    private static ObjectNode violation(String field, String rule, String message) {
        ObjectNode v = ArcnodeJson.mapper().createObjectNode();
        v.put("field", field);
        v.put("rule", rule);
        v.put("message", message);
        return v;
    }

    private static Response invalid(List<ObjectNode> problems) {
        ArrayNode detail = ArcnodeJson.mapper().createArrayNode();
        problems.forEach(detail::add);
        return new Response(422, HttpErrors.body("validation failed", detail));
    }

    private static Response error(int status, String error, String detail) {
        return new Response(status, HttpErrors.body(error, ArcnodeJson.mapper().getNodeFactory().textNode(detail)));
    }
}
