package io.arcnode.gateway.alarms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.telemetry.AlarmState;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlarmEngineTest {

    static final Instant T0 = Instant.parse("2026-01-29T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-29T12:00:00Z"), ZoneOffset.UTC);

    static Measurement reading(String asset, String parameter, double value, long millis) {
        Instant t = T0.plusMillis(millis);
        return new Measurement(asset, parameter, value, "celsius", Quality.GOOD, Classification.TELEMETRY,
                new Timestamps(t, t.plusMillis(50)), Map.of());
    }

    static AlarmRule high(double limit, double deadband, long onMs, long offMs) {
        return new AlarmRule("temp_high", "cdu_*", "supply_temp", new Condition.Threshold(true, limit, deadband),
                Severity.HIGH, "supply temperature high", Duration.ofMillis(onMs), Duration.ofMillis(offMs));
    }

    @Test
    void highThresholdRaisesAndClearsOnlyBeyondTheDeadband() {
        AlarmEngine e = new AlarmEngine(List.of(high(80, 2, 0, 0)), CLOCK, List.of());
        assertEquals(List.of(), e.reading(reading("cdu_01", "supply_temp", 79.9, 0)));
        List<Alarm> raised = e.reading(reading("cdu_01", "supply_temp", 80, 1000));
        assertEquals(1, raised.size());
        Alarm a = raised.get(0);
        assertEquals("alm-1", a.id());
        assertEquals(AlarmState.ACTIVE, a.state());
        assertEquals(T0.plusMillis(1000), a.raisedAt(), "device time, not the gateway's");
        assertEquals("temp_high", a.rule());
        assertEquals("value >= 80.0 (deadband 2.0)", a.condition());
        assertEquals("condition", a.last().by());
        assertEquals(List.of(), e.reading(reading("cdu_01", "supply_temp", 78.5, 2000)), "inside the deadband");
        List<Alarm> cleared = e.reading(reading("cdu_01", "supply_temp", 77.9, 3000));
        assertEquals(AlarmState.CLEARED, cleared.get(0).state());
        assertEquals(T0.plusMillis(3000), cleared.get(0).last().at());
        assertEquals("condition_cleared", cleared.get(0).last().event());
        assertFalse(cleared.get(0).conditionActive());
        // the same point in alarm again: a new alarm, the cleared one stays
        assertEquals("alm-2", e.reading(reading("cdu_01", "supply_temp", 81, 4000)).get(0).id());
        assertEquals(2, e.list(null, null, null).size());
        assertEquals(AlarmState.CLEARED, e.get("alm-1").state());
    }

    @Test
    void lowThresholdAndPatterns() {
        AlarmRule low = new AlarmRule("flow_low", "*", "flow_*", new Condition.Threshold(false, 10, 1),
                Severity.MEDIUM, null, null, null);
        AlarmEngine e = new AlarmEngine(List.of(low), CLOCK, List.of());
        assertEquals(List.of(), e.reading(reading("pump_1", "pressure", 2, 0)), "parameter does not match");
        assertEquals("value <= 10.0 (deadband 1.0)", e.reading(reading("pump_1", "flow_lpm", 10, 0)).get(0).message());
        assertEquals(List.of(), e.reading(reading("pump_1", "flow_lpm", 11, 1)), "inside the deadband");
        assertEquals(AlarmState.CLEARED, e.reading(reading("pump_1", "flow_lpm", 11.5, 2)).get(0).state());
        assertTrue(AlarmRule.glob("cdu_*_a", "cdu_01_a"));
        assertFalse(AlarmRule.glob("cdu_*_a", "cdu_01_b"));
        assertTrue(AlarmRule.glob("*", ""));
        assertFalse(AlarmRule.glob("cdu", "cdu_01"));
    }

    @Test
    void onDelayAndOffDelayCountInDeviceTime() {
        AlarmEngine e = new AlarmEngine(List.of(high(80, 0, 5000, 2000)), CLOCK, List.of());
        assertEquals(List.of(), e.reading(reading("cdu_01", "supply_temp", 85, 0)));
        assertEquals(List.of(), e.reading(reading("cdu_01", "supply_temp", 85, 4999)));
        Alarm a = e.reading(reading("cdu_01", "supply_temp", 85, 5000)).get(0);
        assertEquals(T0.plusMillis(5000), a.raisedAt());
        // a dip shorter than the off delay changes nothing
        assertEquals(List.of(), e.reading(reading("cdu_01", "supply_temp", 70, 6000)));
        assertEquals(List.of(), e.reading(reading("cdu_01", "supply_temp", 85, 7000)));
        assertEquals(List.of(), e.reading(reading("cdu_01", "supply_temp", 70, 8000)));
        assertEquals(List.of(), e.reading(reading("cdu_01", "supply_temp", 70, 9999)));
        assertEquals(AlarmState.CLEARED, e.reading(reading("cdu_01", "supply_temp", 70, 10000)).get(0).state());
        // a spike shorter than the on delay raises nothing
        assertEquals(List.of(), e.reading(reading("cdu_01", "supply_temp", 90, 11000)));
        assertEquals(List.of(), e.reading(reading("cdu_01", "supply_temp", 60, 12000)));
        assertEquals(List.of(), e.reading(reading("cdu_01", "supply_temp", 90, 16500)));
        assertEquals(1, e.list(null, null, null).size());
    }

    @Test
    void stateMatchRaisesWhileTheValueIsInTheSet() {
        AlarmRule fault = new AlarmRule("pump_fault", "*", "pump_state", new Condition.StateMatch(Set.of(3.0, 4.0)),
                Severity.CRITICAL, "pump fault", null, null);
        AlarmEngine e = new AlarmEngine(List.of(fault), CLOCK, List.of());
        assertEquals(List.of(), e.reading(reading("pump_1", "pump_state", 1, 0)));
        Alarm a = e.reading(reading("pump_1", "pump_state", 3, 1)).get(0);
        assertEquals("value in [3.0, 4.0]", a.condition());
        assertEquals(Severity.CRITICAL, a.severity());
        assertEquals(List.of(), e.reading(reading("pump_1", "pump_state", 4, 2)), "still in the set");
        assertEquals(AlarmState.CLEARED, e.reading(reading("pump_1", "pump_state", 2, 3)).get(0).state());
        assertEquals("value == 3.0", new Condition.StateMatch(Set.of(3.0)).describe());
    }

    @Test
    void lifecycleRecordsWhoAndWhenAndRefusesIllegalTransitions() {
        AlarmEngine e = new AlarmEngine(List.of(high(80, 0, 0, 0)), CLOCK, List.of());
        String id = e.reading(reading("cdu_01", "supply_temp", 85, 0)).get(0).id();
        Alarm acked = e.ack(id, "alice", "looking at it");
        assertEquals(AlarmState.ACKNOWLEDGED, acked.state());
        assertEquals(new Transition(AlarmState.ACTIVE, AlarmState.ACKNOWLEDGED, "ack", CLOCK.instant(), "alice",
                "looking at it"), acked.last());
        AlarmEngine.IllegalTransition twice = assertThrows(AlarmEngine.IllegalTransition.class,
                () -> e.ack(id, "bob", null));
        assertEquals("ack: only an ACTIVE alarm can be acknowledged; alm-1 is ACKNOWLEDGED", twice.getMessage());
        Alarm cleared = e.reading(reading("cdu_01", "supply_temp", 70, 1000)).get(0);
        assertEquals(AlarmState.CLEARED, cleared.state());
        assertEquals(List.of(AlarmState.ACTIVE, AlarmState.ACKNOWLEDGED, AlarmState.CLEARED),
                cleared.history().stream().map(Transition::to).toList());
        assertThrows(AlarmEngine.IllegalTransition.class, () -> e.ack(id, "bob", null));
        assertThrows(AlarmEngine.IllegalTransition.class, () -> e.suppress(id, "bob", null));
        assertThrows(AlarmEngine.IllegalTransition.class, () -> e.unsuppress(id, "bob", null));
        assertThrows(AlarmEngine.UnknownAlarm.class, () -> e.ack("alm-99", "bob", null));
        assertThrows(IllegalArgumentException.class, () -> e.ack(id, " ", null));
        assertEquals(3, e.seq(), "raised, ack, cleared; nothing for the refused ones");
    }

    @Test
    void clearingAnUnacknowledgedAlarmClosesItWithoutAnAck() {
        AlarmEngine e = new AlarmEngine(List.of(high(80, 0, 0, 0)), CLOCK, List.of());
        e.reading(reading("cdu_01", "supply_temp", 85, 0));
        Alarm cleared = e.reading(reading("cdu_01", "supply_temp", 70, 1000)).get(0);
        assertEquals(AlarmState.CLEARED, cleared.state());
        assertNull(cleared.lastOf("ack"), "returned to normal unacknowledged: no ack in its history");
    }

    @Test
    void suppressedPointRaisesNothingUntilUnsuppressed() {
        AlarmEngine e = new AlarmEngine(List.of(high(80, 0, 0, 0)), CLOCK, List.of());
        String id = e.reading(reading("cdu_01", "supply_temp", 85, 0)).get(0).id();
        assertEquals(AlarmState.SUPPRESSED, e.suppress(id, "alice", "sensor being replaced").state());
        Alarm c = e.reading(reading("cdu_01", "supply_temp", 70, 1000)).get(0);
        assertEquals(AlarmState.SUPPRESSED, c.state(), "the condition clears, the alarm stays suppressed");
        assertFalse(c.conditionActive());
        Alarm back = e.reading(reading("cdu_01", "supply_temp", 90, 2000)).get(0);
        assertEquals(id, back.id(), "no new alarm while suppressed");
        assertEquals("condition_returned", back.last().event());
        assertEquals(1, e.list(null, null, null).size());
        Alarm un = e.unsuppress(id, "alice", null);
        assertEquals(AlarmState.ACTIVE, un.state(), "condition true, never acknowledged");
        assertEquals(AlarmState.ACKNOWLEDGED, e.ack(id, "bob", null).state());
        e.suppress(id, "bob", null);
        e.reading(reading("cdu_01", "supply_temp", 70, 3000));
        assertEquals(AlarmState.CLEARED, e.unsuppress(id, "bob", null).state(), "condition false now");
        assertEquals("alm-2", e.reading(reading("cdu_01", "supply_temp", 95, 4000)).get(0).id());
    }

    @Test
    void unsuppressOfAnAcknowledgedAlarmWithItsConditionTrueGoesBackToAcknowledged() {
        AlarmEngine e = new AlarmEngine(List.of(high(80, 0, 0, 0)), CLOCK, List.of());
        String id = e.reading(reading("cdu_01", "supply_temp", 85, 0)).get(0).id();
        e.ack(id, "alice", null);
        e.suppress(id, "alice", null);
        assertEquals(AlarmState.ACKNOWLEDGED, e.unsuppress(id, "alice", null).state());
    }

    @Test
    void rawAlarmsRaiseWithTheirRuleAndClearOnZero() {
        AlarmEngine e = new AlarmEngine(List.of(), CLOCK, List.of());
        Instant t = T0.plusSeconds(5);
        Measurement gap = new Measurement("cdu_01", "supply_temp", 4500, "ms", Quality.GOOD, Classification.ALARM,
                new Timestamps(t, t), Map.of("rule", "gap", "reason", "no reading for 4500 ms", "severity", "MEDIUM"));
        Alarm a = e.reading(gap).get(0);
        assertEquals("raw:gap", a.rule());
        assertEquals(Severity.MEDIUM, a.severity());
        assertEquals("no reading for 4500 ms", a.message());
        assertEquals(AlarmState.ACTIVE, a.state());
        assertEquals(List.of(), e.reading(gap), "already active");
        Measurement fire = new Measurement("room_1", "fire_detected", 1, "bool", Quality.GOOD, Classification.ALARM,
                new Timestamps(t, t), Map.of("adapter_id", "modbus-1"));
        Alarm f = e.reading(fire).get(0);
        assertEquals("raw:adapter", f.rule());
        assertEquals(Severity.HIGH, f.severity());
        Measurement off = new Measurement("room_1", "fire_detected", 0, "bool", Quality.GOOD, Classification.ALARM,
                new Timestamps(t.plusSeconds(1), t.plusSeconds(1)), Map.of());
        assertEquals(AlarmState.CLEARED, e.reading(off).get(0).state());
    }

    @Test
    void restoredEngineContinuesWhereTheOldOneStopped() {
        AlarmEngine e = new AlarmEngine(List.of(high(80, 0, 0, 0)), CLOCK, List.of());
        e.reading(reading("cdu_01", "supply_temp", 85, 0));
        e.reading(reading("cdu_02", "supply_temp", 85, 0));
        e.ack("alm-2", "alice", null);
        AlarmEngine r = new AlarmEngine(List.of(high(80, 0, 0, 0)), CLOCK, e.list(null, null, null));
        assertEquals(e.seq(), r.seq());
        assertEquals(List.of(), r.reading(reading("cdu_01", "supply_temp", 86, 1000)), "still in alarm: no new one");
        assertEquals(AlarmState.CLEARED, r.reading(reading("cdu_02", "supply_temp", 70, 1000)).get(0).state());
        assertEquals("alm-3", r.reading(reading("cdu_03", "supply_temp", 90, 1000)).get(0).id());
        assertEquals(List.of("alm-3", "alm-1"), r.list(AlarmState.ACTIVE, Severity.HIGH, "cdu_0*").stream()
                .map(Alarm::id).toList(), "filtered, newest first");
        assertEquals(List.of(), r.list(AlarmState.ACTIVE, Severity.LOW, null));
    }
}
