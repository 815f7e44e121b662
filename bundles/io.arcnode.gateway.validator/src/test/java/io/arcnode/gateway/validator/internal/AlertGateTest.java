package io.arcnode.gateway.validator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertGateTest {

    private static final Instant T0 = Instant.parse("2026-01-29T10:00:00Z");

    private static Verdict verdict(String asset, Instant deviceTime, Verdict.Finding... findings) {
        Measurement m = new Measurement(asset, "supply_temp", 40, "celsius", Quality.SUSPECT,
                Classification.TELEMETRY, new Timestamps(deviceTime, T0), Map.of("adapter_id", "a1"));
        return new Verdict(m, Quality.SUSPECT, List.of(findings));
    }

    private static final Verdict.Finding SKEW = new Verdict.Finding("clock_skew", "device time is 60000 ms off");
    private static final Verdict.Finding GAP = new Verdict.Finding("gap", "no reading for 30000 ms");

    @Test
    void oneAlarmPerAssetParameterAndRuleUntilItRecovers() {
        AlertGate gate = new AlertGate();
        List<Measurement> first = gate.alarms(verdict("cdu_01", T0, SKEW));
        assertEquals(1, first.size());
        Measurement alarm = first.get(0);
        assertEquals(Classification.ALARM, alarm.classification());
        assertEquals("cdu_01", alarm.assetId());
        assertEquals("supply_temp", alarm.parameter());
        assertEquals("clock_skew", alarm.metadata().get(AlertGate.RULE_KEY));
        assertEquals("device time is 60000 ms off", alarm.metadata().get(AlertGate.REASON_KEY));
        assertEquals("validator", alarm.metadata().get(AlertGate.SOURCE_KEY));
        assertEquals("a1", alarm.metadata().get("adapter_id"));
        assertEquals(1.0, alarm.value(), "raised");

        assertEquals(0, gate.alarms(verdict("cdu_01", T0, SKEW)).size(), "still skewed: no second alarm");
        assertEquals(1, gate.alarms(verdict("cdu_02", T0, SKEW)).size(), "another asset alarms on its own");
        assertEquals(1, gate.alarms(verdict("cdu_01", T0, SKEW, GAP)).size(), "another rule alarms on its own");
        assertEquals(0, gate.alarms(verdict("cdu_01", null)).size());
        List<Measurement> gapCleared = gate.alarms(verdict("cdu_01", T0, SKEW));
        assertEquals(1, gapCleared.size(), "no device time was no recovery; now the gap is over, the skew is not");
        assertEquals("gap", gapCleared.get(0).metadata().get(AlertGate.RULE_KEY));
        assertEquals(0.0, gapCleared.get(0).value());
        List<Measurement> cleared = gate.alarms(verdict("cdu_01", T0));
        assertEquals(1, cleared.size(), "recovered: the skew alarm of cdu_01 is cleared");
        assertEquals("clock_skew", cleared.get(0).metadata().get(AlertGate.RULE_KEY));
        cleared.forEach(c -> assertEquals(0.0, c.value(), "cleared"));
        assertEquals(0, gate.alarms(verdict("cdu_01", T0)).size(), "nothing left to clear");
        assertEquals(1, gate.alarms(verdict("cdu_01", T0, SKEW)).size(), "skewed again after the recovery");
    }

    @Test
    void otherFindingsRaiseNoAlarm() {
        AlertGate gate = new AlertGate();
        assertEquals(0, gate.alarms(verdict("cdu_01", T0, new Verdict.Finding("range", "value 95 outside 0..90"),
                new Verdict.Finding("rate_of_change", "fast"))).size());
    }
}
