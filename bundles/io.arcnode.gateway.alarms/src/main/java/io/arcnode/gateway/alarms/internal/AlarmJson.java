package io.arcnode.gateway.alarms.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.telemetry.AlarmState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of an {@link Alarm}: the value of its {@code alarms.clean} record, a line of the journal and an item
 * of {@code GET /api/v1/alarms}. Times are ISO-8601 UTC strings.
 *
 * <pre>
 * {"seq", "alarm_id", "asset_id", "parameter", "rule", "condition", "severity", "message", "state",
 *  "condition_active", "raised_at", "value", "acknowledged": {"by","at","comment"} | null,
 *  "suppressed": {...} | null (while SUPPRESSED), "cleared_at": time | null,
 *  "transition": the last history entry, "history": [{"from","to","event","at","by","comment"}]}
 * </pre>
 */
public final class AlarmJson {

    private static final ObjectMapper MAPPER = ArcnodeJson.mapper();

    private AlarmJson() {
    }

    /** @return the JSON tree of {@code a} */
    public static ObjectNode tree(Alarm a) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("seq", a.seq());
        o.put("alarm_id", a.id());
        o.put("asset_id", a.assetId());
        o.put("parameter", a.parameter());
        o.put("rule", a.rule());
        o.put("condition", a.condition());
        o.put("severity", a.severity().name());
        o.put("message", a.message());
        o.put("state", a.state().json());
        o.put("condition_active", a.conditionActive());
        o.put("raised_at", a.raisedAt().toString());
        o.put("value", a.value());
        Transition ack = a.lastOf("ack");
        o.set("acknowledged", ack == null ? null : action(ack));
        Transition sup = a.state() == AlarmState.SUPPRESSED ? a.lastOf("suppress") : null;
        o.set("suppressed", sup == null ? null : action(sup));
        o.put("cleared_at", a.state() == AlarmState.CLEARED ? a.last().at().toString() : null);
        o.set("transition", transition(a.last()));
        ArrayNode h = o.putArray("history");
        a.history().forEach(t -> h.add(transition(t)));
        return o;
    }

    private static ObjectNode action(Transition t) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("by", t.by());
        o.put("at", t.at().toString());
        o.put("comment", t.comment());
        return o;
    }

    private static ObjectNode transition(Transition t) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("from", t.from() == null ? null : t.from().json());
        o.put("to", t.to().json());
        o.put("event", t.event());
        o.put("at", t.at().toString());
        o.put("by", t.by());
        o.put("comment", t.comment());
        return o;
    }

    /** @return the UTF-8 JSON of {@code a}, one line */
    public static byte[] bytes(Alarm a) {
        try {
            return MAPPER.writeValueAsBytes(tree(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alarm " + a.id() + " not serialisable", e);
        }
    }

    /**
     * @return the alarm of {@code json}
     * @throws IllegalArgumentException naming the field when it is not an alarm
     */
    public static Alarm parse(byte[] json) {
        try {
            return read(json);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a time is not ISO-8601: " + e.getParsedString());
        }
    }

    private static Alarm read(byte[] json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        List<Transition> history = new ArrayList<>();
        JsonNode h = n.get("history");
        if (h == null || !h.isArray() || h.isEmpty()) {
            throw new IllegalArgumentException("history: required, a non-empty array");
        }
        for (JsonNode t : h) {
            String from = text(t, "from", false);
            history.add(new Transition(from == null ? null : AlarmState.fromJson(from),
                    AlarmState.fromJson(text(t, "to", true)), text(t, "event", true),
                    Instant.parse(text(t, "at", true)), text(t, "by", true), text(t, "comment", false)));
        }
        Severity sev = Severity.parse(text(n, "severity", true));
        if (sev == null) {
            throw new IllegalArgumentException("severity: not one of CRITICAL, HIGH, MEDIUM, LOW");
        }
        JsonNode seq = n.get("seq");
        JsonNode value = n.get("value");
        if (seq == null || !seq.canConvertToLong() || value == null || !value.isNumber()) {
            throw new IllegalArgumentException("seq and value: required numbers");
        }
        return new Alarm(seq.asLong(), text(n, "alarm_id", true), text(n, "asset_id", true),
                text(n, "parameter", true), text(n, "rule", true), text(n, "condition", true), sev,
                text(n, "message", false), AlarmState.fromJson(text(n, "state", true)),
                n.path("condition_active").asBoolean(), Instant.parse(text(n, "raised_at", true)), value.asDouble(),
                history);
    }

    private static String text(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field + ": required");
            }
            return null;
        }
        return v.asText();
    }
}
