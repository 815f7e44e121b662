package io.arcnode.gateway.aggregator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregationFileTest {

    @TempDir
    Path dir;

    private AggregatorSettings read(String yaml) throws Exception {
        Path f = dir.resolve("aggregation.yml");
        Files.writeString(f, yaml);
        return AggregationFile.read(f, "aggregation.yml");
    }

    private String problem(String yaml) throws Exception {
        Path f = dir.resolve("aggregation.yml");
        Files.writeString(f, yaml);
        return assertThrows(AggregationFile.Invalid.class, () -> AggregationFile.read(f, "aggregation.yml"))
                .getMessage();
    }

    @Test
    void readsPipelinesAndSettings() throws Exception {
        AggregatorSettings s = read("""
                allowed_lateness_ms: 2000
                max_open_windows: 500
                commit_interval_ms: 250
                pipelines:
                  - {resolutions: [1h]}
                  - {parameter: vibration, resolutions: [1s, 1min]}
                  - {asset: pump_01, resolutions: []}
                """);
        assertEquals(Duration.ofSeconds(2), s.allowedLateness());
        assertEquals(500, s.maxOpenWindows());
        assertEquals(Duration.ofMillis(250), s.commitInterval());
        assertEquals(List.of(new Pipeline("*", "*", EnumSet.of(Resolution.HOUR)),
                new Pipeline("*", "vibration", EnumSet.of(Resolution.SECOND, Resolution.MINUTE)),
                new Pipeline("pump_01", "*", Set.of())), s.pipelines());
    }

    @Test
    void defaultsForWhatTheFileLeavesOut() throws Exception {
        AggregatorSettings s = read("pipelines: [{resolutions: [1s]}]");
        assertEquals(AggregatorSettings.DEFAULT_LATENESS, s.allowedLateness());
        assertEquals(AggregatorSettings.DEFAULT_MAX_OPEN_WINDOWS, s.maxOpenWindows());
        assertEquals(AggregatorSettings.DEFAULT_COMMIT_INTERVAL, s.commitInterval());
        assertEquals(Set.of(Resolution.SECOND, Resolution.MINUTE, Resolution.HOUR),
                AggregatorSettings.DEFAULTS.resolutions("any", "thing"));
    }

    @Test
    void everyProblemNamesFileKeyAndRule() throws Exception {
        assertEquals(String.join("\n",
                "aggregation.yml: lateness: unknown key (allowed: allowed_lateness_ms, commit_interval_ms, "
                        + "max_open_windows, pipelines)",
                "aggregation.yml: allowed_lateness_ms: must be an integer 0..86400000 (got -1)",
                "aggregation.yml: commit_interval_ms: must be an integer 0..30000 (got 90000)",
                "aggregation.yml: pipelines[0].resolutions: 5min is not one of 1s, 1min, 1h",
                "aggregation.yml: pipelines[1].resolution: unknown key (allowed: asset, parameter, resolutions)",
                "aggregation.yml: pipelines[1].resolutions: required, a list of 1s, 1min, 1h (may be empty)",
                "aggregation.yml: pipelines[2].asset: must be a non-empty string (got 7)"),
                problem("""
                        lateness: 3
                        allowed_lateness_ms: -1
                        commit_interval_ms: 90000
                        pipelines:
                          - {resolutions: [1s, 5min]}
                          - {resolution: [1s]}
                          - {asset: 7, resolutions: [1s]}
                        """));
        assertEquals("aggregation.yml: max_open_windows: must be an integer 1..2147483647 (got 0)\n"
                + "aggregation.yml: pipelines: required, a list of {asset, parameter, resolutions}",
                problem("max_open_windows: 0"));
        assertEquals("aggregation.yml: must be a map with the key pipelines (a list)", problem("- 1"));
        assertEquals("aggregation.yml: pipelines[0]: must be a map {asset, parameter, resolutions}",
                problem("pipelines: [1s]"));
    }

    @Test
    void aMissingOrBrokenFileIsNamed() throws Exception {
        assertEquals("missing.yml: file not found (gateway.aggregation_rules names no file)",
                assertThrows(AggregationFile.Invalid.class,
                        () -> AggregationFile.read(dir.resolve("missing.yml"), "missing.yml")).getMessage());
        String m = problem("pipelines: [ {resolutions: [1s]");
        assertEquals(true, m.startsWith("aggregation.yml: invalid YAML at line "), m);
    }
}
