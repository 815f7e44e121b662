package io.arcnode.protocol.mqtt.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcnode.api.adapter.Normalizer;
import io.arcnode.api.adapter.PointTarget;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure: one MQTT message of a subscription → measurements. Each mapped field whose pointer names a number
 * (or a boolean, 1/0, or a string holding a number) gives one measurement; a field that is missing or not a
 * number gives a problem instead, and the other fields still deliver. The device time is read from the
 * subscription's timestamp pointer: an ISO-8601 string with offset ({@code 2026-01-29T10:00:00.123Z}) or a number
 * of epoch milliseconds; without one, {@link Normalizer} makes the quality {@code UNCERTAIN}.
 */
final class PayloadMapper {

    /** What one message gave: its measurements and its problems (empty when every field mapped). */
    record Result(List<Measurement> measurements, List<String> problems) {
    }

    private static final int MAX_DETAIL = 120;

    private final ObjectMapper json;
    private final Normalizer normalizer;

    PayloadMapper(ObjectMapper json, Normalizer normalizer) {
        this.json = json;
        this.normalizer = normalizer;
    }

    Result map(MqttSettings.Subscription sub, String topic, byte[] payload, Instant gatewayTime) {
        List<String> problems = new ArrayList<>();
        List<Measurement> out = new ArrayList<>();
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (JsonProcessingException e) {
            return new Result(List.of(), List.of("not JSON: " + shorten(e.getOriginalMessage())));
        } catch (IOException e) {
            return new Result(List.of(), List.of("not JSON: " + shorten(e.getMessage())));
        }
        if (root == null || root.isMissingNode()) {
            return new Result(List.of(), List.of("not JSON: empty payload"));
        }
        Instant deviceTime = null;
        if (sub.timestampPointer() != null) {
            JsonNode ts = root.at(sub.timestampPointer());
            deviceTime = deviceTime(ts);
            if (deviceTime == null) {
                problems.add(sub.timestampPointer() + ": " + (ts.isMissingNode() || ts.isNull() ? "missing"
                        : "not an ISO-8601 time or epoch milliseconds: " + shorten(ts.toString())));
            }
        }
        String topicAsset = null;
        if (sub.assetLevel() >= 0) {
            topicAsset = TopicFilter.level(topic, sub.assetLevel());
            if (topicAsset == null || topicAsset.isEmpty()) {
                problems.add("topic " + topic + " has no level " + sub.assetLevel() + " for the asset id");
                return new Result(List.of(), problems);
            }
        }
        for (MqttSettings.Field field : sub.fields()) {
            JsonNode node = root.at(field.pointer());
            Double value = number(node);
            if (value == null) {
                problems.add(field.pointer() + ": " + (node.isMissingNode() || node.isNull() ? "missing"
                        : "not a number: " + shorten(node.toString())));
                continue;
            }
            PointTarget t = field.target();
            if (topicAsset != null && !field.fixedAsset()) {
                t = new PointTarget(topicAsset, t.parameter(), t.unit(), t.classification());
            }
            out.add(normalizer.measurement(t, value, Quality.GOOD, deviceTime, gatewayTime));
        }
        return new Result(out, problems);
    }

    private static Double number(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? 1.0 : 0.0;
        }
        if (node.isTextual()) {
            try {
                double d = Double.parseDouble(node.textValue().strip());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Instant deviceTime(JsonNode node) {
        if (node.isIntegralNumber()) {
            return Instant.ofEpochMilli(node.longValue());
        }
        if (node.isTextual()) {
            try {
                return OffsetDateTime.parse(node.textValue()).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= MAX_DETAIL ? one : one.substring(0, MAX_DETAIL) + "...";
    }
}
