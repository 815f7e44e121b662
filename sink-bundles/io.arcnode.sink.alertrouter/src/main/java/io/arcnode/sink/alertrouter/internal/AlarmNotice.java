package io.arcnode.sink.alertrouter.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * One alarm version of {@code alarms.clean} (the alarms bundle's JSON), the fields the router needs.
 *
 * @param seq      gateway-wide change number: with {@code alarmId} the identity of this notice
 * @param event    the transition's event ({@code raised}, {@code condition_cleared}, {@code ack}, ...)
 * @param to       the transition's new state
 * @param at       when the transition happened
 * @param json     the whole record as it was, for generic webhooks and the digest spool
 */
record AlarmNotice(long seq, String alarmId, String assetId, String parameter, Severity severity, String message,
        String event, String to, Instant at, String by, JsonNode json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @return the notice key: alarm id and change number */
    String id() {
        return alarmId + "#" + seq;
    }

    /**
     * @return whether this change is routed: a new alarm ({@code raised}) or an alarm that ended ({@code CLEARED});
     *         acknowledgements, suppression and condition changes of an open alarm are for the UI only
     */
    boolean routed() {
        return "raised".equals(event) || "CLEARED".equals(to);
    }

    /** @return one line for people: {@code [CRITICAL] ACTIVE cdu_01/supply_temp: supply temperature high (alm-1, ...)} */
    String line() {
        String state = "raised".equals(event) ? "ACTIVE" : to;
        return "[" + severity + "] " + state + " " + assetId + "/" + parameter + ": " + message + " (" + alarmId + ", "
                + event + " at " + at + " by " + by + ")";
    }

    /** @throws IllegalArgumentException naming the field when the bytes are not such a record */
    static AlarmNotice decode(byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("alarm record has no value");
        }
        JsonNode n;
        try {
            n = JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("alarm record is not JSON: " + e.getMessage(), e);
        }
        return of(n);
    }

    /** @throws IllegalArgumentException naming the field when {@code n} is not an alarm version */
    static AlarmNotice of(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("alarm record is not a JSON object");
        }
        JsonNode t = n.path("transition");
        if (!t.isObject()) {
            throw new IllegalArgumentException("alarm record field transition: required object");
        }
        String sev = text(n, "severity");
        Severity severity;
        try {
            severity = Severity.valueOf(sev.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("alarm record field severity: '" + sev
                    + "' is not one of CRITICAL, HIGH, MEDIUM, LOW");
        }
        if (!n.path("seq").canConvertToLong()) {
            throw new IllegalArgumentException("alarm record field seq: required integer");
        }
        Instant at;
        try {
            at = Instant.parse(text(t, "at"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("alarm record field transition.at: not an ISO-8601 instant");
        }
        String message = n.path("message").isTextual() ? n.get("message").asText() : text(n, "condition");
        return new AlarmNotice(n.get("seq").asLong(), text(n, "alarm_id"), text(n, "asset_id"), text(n, "parameter"),
                severity, message, text(t, "event"), text(t, "to"), at,
                t.path("by").isTextual() ? t.get("by").asText() : "unknown", n);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("alarm record field " + field + ": required non-empty string");
        }
        return v.asText();
    }
}
