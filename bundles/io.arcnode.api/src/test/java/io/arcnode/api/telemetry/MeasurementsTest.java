package io.arcnode.api.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.JsonEnum;
import io.arcnode.api.ValidationException;
import io.arcnode.api.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MeasurementsTest {

    static final String SPEC_EXAMPLE = "{\"asset_id\":\"line_1_sensor_01\",\"parameter\":\"temperature\",\"value\":85.4,"
            + "\"unit\":\"celsius\",\"quality\":\"GOOD\",\"classification\":\"TELEMETRY\","
            + "\"timestamps\":{\"device_time\":\"2026-01-29T10:00:00.123Z\",\"gateway_time\":\"2026-01-29T10:00:00.456Z\"},"
            + "\"metadata\":{\"adapter_id\":\"adapter_modbus_001\",\"adapter_version\":\"1.2.0\"}}";

    static List<String> fieldRules(String json) {
        return assertThrows(ValidationException.class, () -> Measurements.parse(json)).violations().stream()
                .map(v -> v.field() + ":" + v.rule()).collect(Collectors.toList());
    }

    @Test
    void specExampleRoundTripsExactly() {
        Measurement m = Measurements.parse(SPEC_EXAMPLE);
        assertEquals(Instant.parse("2026-01-29T10:00:00.123Z"), m.timestamps().deviceTime());
        assertEquals(333L, m.timestamps().clockSkewMillis());
        assertEquals(Quality.GOOD, m.quality());
        assertEquals(85.4, m.value());
        assertEquals(SPEC_EXAMPLE, ArcnodeJson.write(m));
        assertEquals(m, ArcnodeJson.mapper().convertValue(ArcnodeJson.readTree(SPEC_EXAMPLE), Measurement.class));
    }

    @Test
    void timestampsAlwaysThreeFractionDigitsUtc() {
        assertEquals("2026-01-29T10:00:00.000Z", UtcMillis.format(Instant.parse("2026-01-29T10:00:00Z")));
        assertEquals("2026-01-29T10:00:00.120Z", UtcMillis.format(Instant.parse("2026-01-29T10:00:00.12Z")));
        assertEquals("2026-01-29T10:00:00.123Z", UtcMillis.format(Instant.parse("2026-01-29T10:00:00.123999Z")));
        assertEquals(Instant.parse("2026-01-29T08:00:00.500Z"), UtcMillis.parse("2026-01-29T10:00:00.5+02:00"));
        String json = SPEC_EXAMPLE.replace("2026-01-29T10:00:00.123Z", "2026-01-29T11:00:00+01:00");
        assertTrue(ArcnodeJson.write(Measurements.parse(json)).contains("\"device_time\":\"2026-01-29T10:00:00.000Z\""));
    }

    @Test
    void metadataSortedAndOptional() {
        Measurement m = new Measurement("a", "p", 1, "u", Quality.SUSPECT, Classification.EVENT,
                new Timestamps(null, Instant.parse("2026-01-29T10:00:00.456Z")), Map.of("z", "1", "a", "2", "m", "3"));
        String json = ArcnodeJson.write(m);
        assertTrue(json.endsWith("\"timestamps\":{\"device_time\":null,\"gateway_time\":\"2026-01-29T10:00:00.456Z\"},"
                + "\"metadata\":{\"a\":\"2\",\"m\":\"3\",\"z\":\"1\"}}"), json);
        assertEquals(m, Measurements.parse(json));
        String noMeta = SPEC_EXAMPLE.replaceAll(",\"metadata\":\\{.*\\}\\}$", "}");
        assertEquals(Map.of(), Measurements.parse(noMeta).metadata());
    }

    @Test
    void deviceTimeOptionalGatewayTimeRequired() {
        String noDevice = SPEC_EXAMPLE.replace("\"device_time\":\"2026-01-29T10:00:00.123Z\",", "");
        assertNull(Measurements.parse(noDevice).timestamps().deviceTime());
        String noGateway = SPEC_EXAMPLE.replace(",\"gateway_time\":\"2026-01-29T10:00:00.456Z\"", "");
        assertEquals(List.of("timestamps.gateway_time:required"), fieldRules(noGateway));
    }

    @Test
    void badTimestampsAndEnums() {
        String bad = SPEC_EXAMPLE.replace("2026-01-29T10:00:00.123Z", "2026-01-29 10:00")
                .replace("2026-01-29T10:00:00.456Z", "2026-01-29T10:00:00.456")
                .replace("\"GOOD\"", "\"good\"").replace("\"TELEMETRY\"", "\"METRIC\"");
        assertEquals(List.of("quality:enum", "classification:enum", "timestamps.device_time:datetime",
                "timestamps.gateway_time:datetime"), fieldRules(bad));
    }

    @Test
    void typesRequiredAndUnknownFields() {
        String bad = SPEC_EXAMPLE.replace("85.4", "\"85.4\"").replace("\"line_1_sensor_01\"", "\"\"")
                .replace("\"1.2.0\"", "1.2").replace("\"timestamps\":{", "\"timestamps\":{\"skew\":1,")
                .replace("\"parameter\":\"temperature\",", "\"clock_skew_ms\":333,");
        assertEquals(List.of("asset_id:min_length=1", "parameter:required", "value:type", "timestamps.skew:unknown_field",
                "metadata.adapter_version:type", "clock_skew_ms:unknown_field"), fieldRules(bad));
    }

    @Test
    void telemetryEnumValuesAreUpperCase() {
        assertEquals(List.of("GOOD", "SUSPECT", "UNCERTAIN", "BAD"), JsonEnum.allowedValues(Quality.class));
        assertEquals(List.of("TELEMETRY", "EVENT", "ALARM"), JsonEnum.allowedValues(Classification.class));
        assertEquals(List.of("ACTIVE", "ACKNOWLEDGED", "CLEARED", "SUPPRESSED"), JsonEnum.allowedValues(AlarmState.class));
        assertEquals("\"ACKNOWLEDGED\"", ArcnodeJson.write(AlarmState.ACKNOWLEDGED));
        assertEquals(AlarmState.SUPPRESSED, AlarmState.fromJson("SUPPRESSED"));
        assertThrows(IllegalArgumentException.class, () -> AlarmState.fromJson("suppressed"));
    }

    @Test
    void jacksonTimestampDeserializerRejectsGarbage() {
        assertThrows(Exception.class, () -> ArcnodeJson.mapper().readValue(
                "{\"device_time\":12,\"gateway_time\":\"2026-01-29T10:00:00.456Z\"}", Timestamps.class));
        assertThrows(Exception.class, () -> ArcnodeJson.mapper().readValue(
                "{\"device_time\":null,\"gateway_time\":\"yesterday\"}", Timestamps.class));
    }

    @Test
    void violationJsonShape() {
        Violation v = new Violation("x", "type", "m");
        assertEquals("x [type]: m", v.toString());
        assertEquals("{\"field\":\"x\",\"rule\":\"type\",\"message\":\"m\"}", ArcnodeJson.write(v));
    }
}
