package io.arcnode.gateway.validator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFileTest {

    @TempDir
    Path dir;

    @Test
    void readsRulesWithDefaultsForSelectorsAndUnsetLimits() throws Exception {
        Path f = Files.writeString(dir.resolve("rules.yml"), "rules:\n"
                + "  - {parameter: supply_temp, min: 0, max: 90, max_rate_per_s: 5, expected_interval_ms: 1500}\n"
                + "  - {asset: cdu_01, max_clock_skew_ms: 30000}\n");
        List<Rule> rules = RulesFile.read(f, "rules.yml");
        assertEquals(List.of(new Rule("*", "supply_temp", 0.0, 90.0, 5.0, Duration.ofMillis(1500), null),
                new Rule("cdu_01", "*", null, null, null, null, Duration.ofSeconds(30))), rules);
    }

    @Test
    void everyProblemNamesFileKeyAndRule() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.yml"), "rules:\n"
                + "  - {min: 10, max: 5, mx: 3}\n"
                + "  - {max_rate_per_s: -1, expected_interval_ms: hello}\n"
                + "  - 42\n");
        RulesFile.Invalid e = assertThrows(RulesFile.Invalid.class, () -> RulesFile.read(f, "bad.yml"));
        assertEquals(String.join("\n",
                "bad.yml: rules[0].mx: unknown key (allowed: asset, expected_interval_ms, max, max_clock_skew_ms, "
                        + "max_rate_per_s, min, parameter)",
                "bad.yml: rules[0].max: must be >= min (10.0)",
                "bad.yml: rules[1].max_rate_per_s: must be > 0 (got -1.0)",
                "bad.yml: rules[1].expected_interval_ms: must be a number (got hello)",
                "bad.yml: rules[2]: must be a map"), e.getMessage());
        assertEquals("gone.yml: file not found (gateway.validation_rules names no file)",
                assertThrows(RulesFile.Invalid.class, () -> RulesFile.read(dir.resolve("gone.yml"), "gone.yml"))
                        .getMessage());
        Path g = Files.writeString(dir.resolve("g.yml"), "rule: []\n");
        assertEquals("g.yml: must be a map with exactly the key rules (a list)",
                assertThrows(RulesFile.Invalid.class, () -> RulesFile.read(g, "g.yml")).getMessage());
    }

    @Test
    void parsedTextGivesFieldAndRulePerViolation() {
        RulesFile.Invalid e = assertThrows(RulesFile.Invalid.class, () -> RulesFile.parse(
                "{\"rules\": [{\"min\": 10, \"max\": 5, \"mx\": 3}, {\"max_clock_skew_ms\": 0}]}", "body"));
        assertEquals(List.of("rules[0].mx:unknown_field", "rules[0].max:min_le_max", "rules[1].max_clock_skew_ms:positive"),
                e.violations().stream().map(v -> v.field() + ":" + v.rule()).toList());
        assertEquals(List.of(":syntax"), assertThrows(RulesFile.Invalid.class, () -> RulesFile.parse("rules: [", "b"))
                .violations().stream().map(v -> v.field() + ":" + v.rule()).toList());
    }
}
