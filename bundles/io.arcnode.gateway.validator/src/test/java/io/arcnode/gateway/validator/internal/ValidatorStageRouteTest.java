package io.arcnode.gateway.validator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import io.arcnode.stream.api.MeasurementAvro;
import io.arcnode.stream.api.StreamTopics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** {@link ValidatorStage#route}: where a record goes, with which headers, and the alarms it raises. */
class ValidatorStageRouteTest {

    private static final Instant T0 = Instant.parse("2026-01-29T10:00:00Z");

    private final ValidatorStage stage = new ValidatorStage(new MockConsumer<String, byte[]>("earliest"),
            new MockProducer<String, byte[]>(),
            new Validator(List.of(new Rule("*", "supply_temp", 0.0, 90.0, null, null, null))),
            Clock.fixed(T0.plusMillis(350), ZoneOffset.UTC), StageListener.NONE);

    private static ConsumerRecord<String, byte[]> raw(double value, long skewMillis, Quality quality) {
        Measurement m = new Measurement("cdu_01", "supply_temp", value, "celsius", quality, Classification.TELEMETRY,
                new Timestamps(T0.minusMillis(skewMillis), T0.plusMillis(100)), Map.of());
        return new ConsumerRecord<>(StreamTopics.TELEMETRY_RAW, 0, 0, "cdu_01", MeasurementAvro.encode(m));
    }

    private static String header(ProducerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aBadReadingGoesToTheDlqWithItsRuleAndTheAdaptersQuality() {
        ValidatorStage.Routed r = stage.route(raw(95, 0, Quality.SUSPECT));
        assertEquals(1, r.records().size());
        ProducerRecord<String, byte[]> dlq = r.records().get(0);
        assertEquals(StreamTopics.DLQ_TELEMETRY, dlq.topic());
        assertEquals("BAD", header(dlq, ValidatorStage.QUALITY_HEADER));
        assertEquals("SUSPECT", header(dlq, ValidatorStage.RAW_QUALITY_HEADER));
        assertEquals(List.of("range"), r.dlqRules());
        assertEquals(0.25, r.latencySeconds(), 1e-9);
    }

    @Test
    void aSkewedReadingGoesToCleanAndRaisesOneAlarmInTheSameBatch() {
        ValidatorStage.Routed first = stage.route(raw(40, 60_000, Quality.GOOD));
        assertEquals(2, first.records().size());
        ProducerRecord<String, byte[]> clean = first.records().get(0);
        assertEquals(StreamTopics.TELEMETRY_CLEAN, clean.topic());
        assertEquals("SUSPECT", header(clean, ValidatorStage.QUALITY_HEADER));
        assertNull(header(clean, ValidatorStage.RAW_QUALITY_HEADER));
        ProducerRecord<String, byte[]> alarm = first.records().get(1);
        assertEquals(StreamTopics.ALARMS_RAW, alarm.topic());
        assertEquals("cdu_01", alarm.key());
        Measurement a = MeasurementAvro.decode(alarm.value());
        assertEquals(Classification.ALARM, a.classification());
        assertEquals("clock_skew", a.metadata().get(AlertGate.RULE_KEY));
        assertEquals(List.of("clock_skew"), first.alerts());
        assertEquals(1, stage.route(raw(41, 60_000, Quality.GOOD)).records().size(), "no second alarm");
    }

    @Test
    void aReadingTheAdapterMarkedBadGoesToTheDlqNamingTheAdapter() {
        ValidatorStage.Routed r = stage.route(raw(40, 0, Quality.BAD));
        ProducerRecord<String, byte[]> dlq = r.records().get(0);
        assertEquals(StreamTopics.DLQ_TELEMETRY, dlq.topic());
        assertEquals("adapter: the adapter marked the reading BAD", header(dlq, ValidatorStage.FINDINGS_HEADER));
        assertEquals("BAD", header(dlq, ValidatorStage.RAW_QUALITY_HEADER));
        assertEquals(List.of("adapter"), r.dlqRules());
    }

    @Test
    void aRecordThatIsNoMeasurementGoesToTheDlqUnchanged() {
        byte[] junk = "junk".getBytes(StandardCharsets.UTF_8);
        ValidatorStage.Routed r = stage.route(new ConsumerRecord<>(StreamTopics.EVENTS_RAW, 0, 0, "k", junk));
        assertEquals(StreamTopics.DLQ_EVENTS, r.records().get(0).topic());
        assertEquals(junk, r.records().get(0).value());
        assertEquals(List.of("schema"), r.dlqRules());
    }
}
