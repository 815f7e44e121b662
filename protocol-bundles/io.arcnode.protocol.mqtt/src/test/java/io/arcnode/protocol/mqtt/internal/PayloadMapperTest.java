package io.arcnode.protocol.mqtt.internal;

import static io.arcnode.protocol.mqtt.internal.Entries.entry;
import static io.arcnode.protocol.mqtt.internal.Entries.field;
import static io.arcnode.protocol.mqtt.internal.Entries.subscription;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcnode.api.adapter.Normalizer;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure payload → measurement mapping. */
class PayloadMapperTest {

    private static final Instant GATEWAY = Instant.parse("2026-01-29T10:00:00.500Z");
    private final PayloadMapper mapper = new PayloadMapper(new ObjectMapper(),
            new Normalizer(Clock.fixed(GATEWAY, ZoneOffset.UTC), Map.of("adapter_id", "a")));

    private static MqttSettings.Subscription sub(Object... extra) {
        return Entries.settings(entry(1883, List.of(subscription("plant/+/telemetry", 1, List.of(
                field("/temp", "supply_temp_c", "celsius"),
                field("/pump/state/running", "pump_running", "", "classification", "event"),
                field("/flow", "flow_lpm", "l/min", "asset_id", "loop_2")), extra)))).subscriptions().get(0);
    }

    private PayloadMapper.Result map(MqttSettings.Subscription s, String topic, String payload) {
        return mapper.map(s, topic, payload.getBytes(UTF_8), GATEWAY);
    }

    @Test
    void pointersNameNestedMembersAndNumbersBooleansAndNumericStringsAreValues() {
        PayloadMapper.Result r = map(sub(), "plant/x/telemetry",
                "{\"temp\": 21.5, \"pump\": {\"state\": {\"running\": true}}, \"flow\": \"12.25\"}");
        assertEquals(List.of(), r.problems());
        assertEquals(3, r.measurements().size());
        Measurement t = r.measurements().get(0);
        assertEquals("cdu_01", t.assetId());
        assertEquals("supply_temp_c", t.parameter());
        assertEquals(21.5, t.value());
        assertEquals("celsius", t.unit());
        assertEquals(Classification.TELEMETRY, t.classification());
        assertEquals(1.0, r.measurements().get(1).value());
        assertEquals(Classification.EVENT, r.measurements().get(1).classification());
        assertEquals("loop_2", r.measurements().get(2).assetId());
        assertEquals(12.25, r.measurements().get(2).value());
        assertEquals(GATEWAY, t.timestamps().gatewayTime());
    }

    @Test
    void withoutATimestampPointerTheQualityIsUncertain() {
        Measurement m = map(sub(), "plant/x/telemetry", "{\"temp\": 1, \"pump\": {\"state\": {\"running\": false}}, \"flow\": 2}")
                .measurements().get(0);
        assertNull(m.timestamps().deviceTime());
        assertEquals(Quality.UNCERTAIN, m.quality());
    }

    @Test
    void isoAndEpochMillisTimestampsBecomeTheDeviceTime() {
        MqttSettings.Subscription s = sub("timestamp_pointer", "/meta/ts");
        Measurement iso = map(s, "plant/x/telemetry",
                "{\"meta\": {\"ts\": \"2026-01-29T11:00:00.123+01:00\"}, \"temp\": 1, \"pump\": {\"state\": {\"running\": 0}}, \"flow\": 2}")
                .measurements().get(0);
        assertEquals(Instant.parse("2026-01-29T10:00:00.123Z"), iso.timestamps().deviceTime());
        assertEquals(Quality.GOOD, iso.quality());
        Measurement millis = map(s, "plant/x/telemetry",
                "{\"meta\": {\"ts\": 1769680800123}, \"temp\": 1, \"pump\": {\"state\": {\"running\": 0}}, \"flow\": 2}")
                .measurements().get(0);
        assertEquals(Instant.ofEpochMilli(1769680800123L), millis.timestamps().deviceTime());
        assertEquals(Quality.GOOD, millis.quality());
    }

    @Test
    void aMissingOrBadTimestampIsAProblemAndTheValuesStayUncertain() {
        PayloadMapper.Result r = map(sub("timestamp_pointer", "/ts"), "plant/x/telemetry",
                "{\"ts\": \"yesterday\", \"temp\": 1, \"pump\": {\"state\": {\"running\": 0}}, \"flow\": 2}");
        assertEquals(List.of("/ts: not an ISO-8601 time or epoch milliseconds: \"yesterday\""), r.problems());
        assertEquals(3, r.measurements().size());
        assertEquals(Quality.UNCERTAIN, r.measurements().get(0).quality());
    }

    @Test
    void notJsonAndMissingFieldsAreProblemsAndTheOtherFieldsStillDeliver() {
        PayloadMapper.Result bad = map(sub(), "plant/x/telemetry", "temp=21.5");
        assertEquals(0, bad.measurements().size());
        assertEquals(1, bad.problems().size());
        assertTrue(bad.problems().get(0).startsWith("not JSON: "), bad.problems().toString());

        PayloadMapper.Result partial = map(sub(), "plant/x/telemetry", "{\"temp\": {\"c\": 1}, \"flow\": 3}");
        assertEquals(List.of("/temp: not a number: {\"c\":1}", "/pump/state/running: missing"), partial.problems());
        assertEquals(1, partial.measurements().size());
        assertEquals("flow_lpm", partial.measurements().get(0).parameter());
    }

    @Test
    void theAssetComesFromTheTopicLevelUnlessTheFieldNamesItsOwn() {
        PayloadMapper.Result r = map(sub("asset_from_topic_level", 1), "plant/cdu_07/telemetry",
                "{\"temp\": 1, \"pump\": {\"state\": {\"running\": 0}}, \"flow\": 2}");
        assertEquals(List.of("cdu_07", "cdu_07", "loop_2"), r.measurements().stream().map(Measurement::assetId).toList());
    }
}
