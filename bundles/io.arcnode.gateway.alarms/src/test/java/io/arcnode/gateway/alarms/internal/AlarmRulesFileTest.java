package io.arcnode.gateway.alarms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlarmRulesFileTest {

    @TempDir
    Path dir;

    @Test
    void readsThresholdAndStateRules() throws Exception {
        Path f = Files.writeString(dir.resolve("alarms.yml"), "rules:\n"
                + "  - {name: temp_high, asset: 'cdu_*', parameter: supply_temp, high: 80, deadband: 2,"
                + " on_delay_ms: 5000, severity: HIGH, message: supply too hot}\n"
                + "  - {name: pump_fault, parameter: pump_state, in: [3, 4], off_delay_ms: 1000, severity: CRITICAL}\n"
                + "  - {name: door, parameter: door_open, equals: 1, severity: LOW}\n"
                + "  - {name: flow_low, parameter: flow, low: 0.5, severity: MEDIUM}\n");
        List<AlarmRule> rules = AlarmRulesFile.read(f, "alarms.yml");
        assertEquals(List.of(
                new AlarmRule("temp_high", "cdu_*", "supply_temp", new Condition.Threshold(true, 80, 2), Severity.HIGH,
                        "supply too hot", Duration.ofSeconds(5), Duration.ZERO),
                new AlarmRule("pump_fault", "*", "pump_state", new Condition.StateMatch(Set.of(3.0, 4.0)),
                        Severity.CRITICAL, null, Duration.ZERO, Duration.ofSeconds(1)),
                new AlarmRule("door", "*", "door_open", new Condition.StateMatch(Set.of(1.0)), Severity.LOW, null,
                        null, null),
                new AlarmRule("flow_low", "*", "flow", new Condition.Threshold(false, 0.5, 0), Severity.MEDIUM, null,
                        null, null)), rules);
    }

    @Test
    void everyProblemNamesFileEntryKeyAndRule() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.yml"), "rules:\n"
                + "  - {name: a, high: 80, low: 10, severity: HIGH}\n"
                + "  - {name: a, equals: 1, deadband: 1, severity: URGENT, colour: red}\n"
                + "  - {high: hot, severity: LOW, on_delay_ms: -5}\n"
                + "  - {name: 'raw:x', in: [1, two], severity: LOW}\n"
                + "  - 42\n");
        AlarmRulesFile.Invalid e = assertThrows(AlarmRulesFile.Invalid.class, () -> AlarmRulesFile.read(f, "bad.yml"));
        assertEquals(String.join("\n",
                "bad.yml: rules[0]: exactly one of high, low, equals, in is required (got high, low)",
                "bad.yml: rules[1].colour: unknown key (allowed: asset, deadband, equals, high, in, low, message, name,"
                        + " off_delay_ms, on_delay_ms, parameter, severity)",
                "bad.yml: rules[1].name: must be unique (a is used before)",
                "bad.yml: rules[1].severity: required, one of CRITICAL, HIGH, MEDIUM, LOW (got URGENT)",
                "bad.yml: rules[1].deadband: only with high or low (a state match has no deadband)",
                "bad.yml: rules[2].name: required (a unique name)",
                "bad.yml: rules[2].high: must be a number (got hot)",
                "bad.yml: rules[2].on_delay_ms: must be >= 0 (got -5.0)",
                "bad.yml: rules[3].name: must not start with raw: (kept for alarms.raw)",
                "bad.yml: rules[3].in[1]: must be a number (got two)",
                "bad.yml: rules[4]: must be a map"), e.getMessage());
    }

    @Test
    void theShippedDemoFileIsValidAndFiresOnTheSimulatedSupplyTemperature() throws Exception {
        // the OPC UA simulator's first item (supply_temp_c in adapters.demo.yml) moves between 100 and 110
        Path demo = Path.of("../../runtime-headless/alarms.demo.yml");
        List<AlarmRule> rules = AlarmRulesFile.read(demo, "alarms.demo.yml");
        assertEquals(List.of("chiller_supply_temp_high", "chiller_return_temp_critical"),
                rules.stream().map(AlarmRule::name).toList());
        AlarmEngine e = new AlarmEngine(rules, AlarmEngineTest.CLOCK, List.of());
        for (int s = 0; s < 3; s++) {
            assertEquals(List.of(), e.reading(AlarmEngineTest.reading("chiller_plant_01", "supply_temp_c",
                    100 + s, s * 1000L)), "on delay 3 s");
        }
        List<Alarm> raised = e.reading(AlarmEngineTest.reading("chiller_plant_01", "supply_temp_c", 110, 3000));
        assertEquals("chiller_supply_temp_high", raised.get(0).rule());
        assertEquals(List.of(), e.reading(AlarmEngineTest.reading("chiller_plant_01", "supply_temp_c", 100, 4000)),
                "the wave stays inside the deadband: one alarm, no churn");
    }

    @Test
    void fileProblems() throws Exception {
        assertEquals("x.yml: file not found (gateway.alarm_rules names no file)", assertThrows(
                AlarmRulesFile.Invalid.class, () -> AlarmRulesFile.read(dir.resolve("x.yml"), "x.yml")).getMessage());
        Path f = Files.writeString(dir.resolve("top.yml"), "alarms: []\n");
        assertEquals("top.yml: must be a map with exactly the key rules (a list)", assertThrows(
                AlarmRulesFile.Invalid.class, () -> AlarmRulesFile.read(f, "top.yml")).getMessage());
    }
}
