package io.arcnode.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wrong {@code cfg.defaults.yml} stops the gateway at startup with exit code 78 and one message that names the
 * file, the key and the rule, and the HTTP port never opens.
 */
class ConfigErrorE2ETest {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(90);

    private static String shipped() throws Exception {
        return Files.readString(Products.repo().resolve("runtime-headless/cfg.defaults.yml"));
    }

    /** Starts the gateway on {@code cfg} and returns its console once it has exited. */
    private static String runExpectingConfigError(Path dir, String cfg, String stage) throws Exception {
        Path defaults = dir.resolve("cfg.defaults.yml");
        Files.writeString(defaults, cfg);
        int port = Products.freePort();
        Path log = dir.resolve("console.log");
        Process p = Products.start("gateway", dir.resolve("data"), log,
                Map.of("ARCNODE_CFG_DEFAULTS", defaults.toString()), "--env", stage, "--port",
                String.valueOf(port));
        try {
            Products.await("gateway to stop on a configuration error", EXIT_TIMEOUT, log, null,
                    () -> !p.isAlive());
            String console = Files.readString(log);
            assertEquals(78, p.exitValue(), console);
            assertEquals(0, Products.statusOrZero(port, "/health/live"), "HTTP must not be serving");
            return console;
        } finally {
            Products.stop(p);
        }
    }

    private static String errorLine(String console) {
        return console.lines().filter(l -> l.startsWith("ArcNode: configuration error: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no configuration error line in:\n" + console));
    }

    @Test
    void wrongTypeNamesFileKeyAndRule(@TempDir Path dir) throws Exception {
        String cfg = shipped().replaceFirst("(?m)^(demo:\\n(?:.*\\n)*?  http:\\n    port:) 8080", "$1 eighty");
        assertTrue(cfg.contains("port: eighty"), "test setup: the demo port was not replaced");
        String line = errorLine(runExpectingConfigError(dir, cfg, "demo"));
        assertTrue(line.contains("cfg.defaults.yml"), line);
        assertTrue(line.contains("demo.http.port"), line);
        assertTrue(line.contains("integer"), line);
        assertTrue(line.contains("eighty"), line);
    }

    @Test
    void badYamlNamesFileAndLine(@TempDir Path dir) throws Exception {
        String cfg = shipped().replaceFirst("(?m)^demo:$", "demo: [unclosed");
        String line = errorLine(runExpectingConfigError(dir, cfg, "demo"));
        assertTrue(line.contains("cfg.defaults.yml"), line);
        assertTrue(line.toLowerCase().contains("line"), line);
    }

    @Test
    void unknownStageIsRejected(@TempDir Path dir) throws Exception {
        String line = errorLine(runExpectingConfigError(dir, shipped(), "prod"));
        assertTrue(line.contains("ENV"), line);
        assertTrue(line.contains("local, demo, beta"), line);
        assertTrue(line.contains("prod"), line);
        assertFalse(line.contains("Exception"), "a person-readable message, not a stack trace: " + line);
    }

    /**
     * A wrong entry of the gateway configuration's adapters (spec 004) stops startup the same way: the protocol
     * bundle's check names the file, the entry, the key and the rule.
     */
    @Test
    void wrongAdapterEntryNamesFileEntryKeyAndRule(@TempDir Path dir) throws Exception {
        Path adapters = Files.writeString(dir.resolve("adapters.yml"), "adapters:\n"
                + "  - adapter_id: adapter_modbus_1\n    adapter_type: modbus_tcp\n    asset_id: meter_1\n"
                + "    host: 127.0.0.1\n    port: 1502\n    registers:\n      \"40001\": {unit: kW}\n");
        String cfg = shipped().replaceFirst("(?m)^(demo:\\n(?:.*\\n)*?    adapters_file:) \\S+", "$1 " + adapters);
        assertTrue(cfg.contains("adapters_file: " + adapters), "test setup: adapters_file was not replaced");
        String line = errorLine(runExpectingConfigError(dir, cfg, "demo"));
        assertTrue(line.contains(adapters + ": adapters[0].registers.40001.parameter: required"), line);
    }

    /** A wrong validation rules file (spec 004 data quality) stops startup, naming the file, the rule and the key. */
    @Test
    void wrongValidationRuleNamesFileRuleAndKey(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yml"), "rules:\n  - {parameter: t, min: 10, max: 5}\n");
        String cfg = shipped().replaceFirst("(?m)^(demo:\\n(?:.*\\n)*?    validation_rules:) \\S+", "$1 " + rules);
        assertTrue(cfg.contains("validation_rules: " + rules), "test setup: validation_rules was not replaced");
        String line = errorLine(runExpectingConfigError(dir, cfg, "demo"));
        assertTrue(line.contains(rules + ": rules[0].max: must be >= min (10.0)"), line);
    }

    /** A wrong alarm rules file (spec 004 alarms) stops startup, naming the file, the entry, the key and the rule. */
    @Test
    void wrongAlarmRuleNamesFileEntryKeyAndRule(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("alarms.yml"), "rules:\n  - {name: t, high: hot, severity: HIGH}\n");
        String cfg = shipped().replaceFirst("(?m)^(demo:\\n(?:.*\\n)*?    alarm_rules:) \\S+", "$1 " + rules);
        assertTrue(cfg.contains("alarm_rules: " + rules), "test setup: alarm_rules was not replaced");
        String line = errorLine(runExpectingConfigError(dir, cfg, "demo"));
        assertTrue(line.contains(rules + ": rules[0].high: must be a number (got hot)"), line);
    }
}
