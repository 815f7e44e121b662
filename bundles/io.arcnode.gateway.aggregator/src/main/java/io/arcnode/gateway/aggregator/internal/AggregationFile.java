package io.arcnode.gateway.aggregator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The aggregation file ({@code gateway.aggregation_rules}): YAML with the keys {@code pipelines} (required, a list
 * of {@code {asset, parameter, resolutions}}; {@code asset} and {@code parameter} default to {@code *},
 * {@code resolutions} is a list of {@code 1s}, {@code 1min}, {@code 1h}, may be empty), {@code allowed_lateness_ms}
 * (default 5000, 0..86400000), {@code max_open_windows} (default 100000, >= 1) and {@code commit_interval_ms}
 * (default 1000, 0..30000). Problems throw {@link Invalid}, one line each: {@code <file>: <key>: <rule>}.
 */
public final class AggregationFile {

    private static final Set<String> TOP = Set.of("pipelines", "allowed_lateness_ms", "max_open_windows",
            "commit_interval_ms");
    private static final Set<String> KEYS = Set.of("asset", "parameter", "resolutions");
    /** A day: longer would keep every 1 s window of it open. */
    static final long MAX_LATENESS_MS = 86_400_000;
    /** Half the producer's transaction.timeout.ms (60 s): a transaction is never aborted by the broker for age. */
    static final long MAX_COMMIT_INTERVAL_MS = 30_000;

    /** The file is unusable; the message names file, key and rule. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    private AggregationFile() {
    }

    /** @return the settings of {@code file}, named {@code shown} in messages */
    public static AggregatorSettings read(Path file, String shown) throws Invalid {
        Object root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(file), Object.class);
        } catch (NoSuchFileException e) {
            throw new Invalid(shown + ": file not found (gateway.aggregation_rules names no file)");
        } catch (JsonProcessingException e) {
            throw new Invalid(shown + ": invalid YAML at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Invalid(shown + ": cannot read: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new Invalid(shown + ": must be a map with the key pipelines (a list)");
        }
        List<String> problems = new ArrayList<>();
        for (Object k : top.keySet()) {
            if (!TOP.contains(String.valueOf(k))) {
                problems.add(k + ": unknown key (allowed: " + String.join(", ", new TreeSet<>(TOP)) + ")");
            }
        }
        long lateness = integer(top, "allowed_lateness_ms", AggregatorSettings.DEFAULT_LATENESS.toMillis(), 0,
                MAX_LATENESS_MS, problems);
        long maxOpen = integer(top, "max_open_windows", AggregatorSettings.DEFAULT_MAX_OPEN_WINDOWS, 1,
                Integer.MAX_VALUE, problems);
        long interval = integer(top, "commit_interval_ms", AggregatorSettings.DEFAULT_COMMIT_INTERVAL.toMillis(), 0,
                MAX_COMMIT_INTERVAL_MS, problems);
        List<Pipeline> pipelines = new ArrayList<>();
        if (!(top.get("pipelines") instanceof List<?> list)) {
            problems.add("pipelines: required, a list of {asset, parameter, resolutions}");
        } else {
            for (int i = 0; i < list.size(); i++) {
                pipeline(list.get(i), "pipelines[" + i + "]", problems, pipelines);
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(String.join("\n", problems.stream().map(p -> shown + ": " + p).toList()));
        }
        return new AggregatorSettings(pipelines, Duration.ofMillis(lateness), (int) maxOpen,
                Duration.ofMillis(interval));
    }

    private static void pipeline(Object item, String where, List<String> problems, List<Pipeline> out) {
        if (!(item instanceof Map<?, ?> m)) {
            problems.add(where + ": must be a map {asset, parameter, resolutions}");
            return;
        }
        int before = problems.size();
        for (Object k : m.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                problems.add(where + "." + k + ": unknown key (allowed: " + String.join(", ", new TreeSet<>(KEYS))
                        + ")");
            }
        }
        String asset = text(m, "asset", where, problems);
        String parameter = text(m, "parameter", where, problems);
        EnumSet<Resolution> resolutions = EnumSet.noneOf(Resolution.class);
        if (!(m.get("resolutions") instanceof List<?> rs)) {
            problems.add(where + ".resolutions: required, a list of 1s, 1min, 1h (may be empty)");
        } else {
            for (Object r : rs) {
                Resolution.ofLabel(String.valueOf(r)).ifPresentOrElse(resolutions::add,
                        () -> problems.add(where + ".resolutions: " + r + " is not one of 1s, 1min, 1h"));
            }
        }
        if (problems.size() == before) {
            out.add(new Pipeline(asset, parameter, resolutions));
        }
    }

    private static String text(Map<?, ?> m, String key, String where, List<String> problems) {
        Object v = m.get(key);
        if (v == null) {
            return "*";
        }
        if (!(v instanceof String s) || s.isBlank()) {
            problems.add(where + "." + key + ": must be a non-empty string (got " + v + ")");
            return "*";
        }
        return s;
    }

    private static long integer(Map<?, ?> m, String key, long dflt, long min, long max, List<String> problems) {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < min
                || ((Number) v).longValue() > max) {
            problems.add(key + ": must be an integer " + min + ".." + max + " (got " + v + ")");
            return dflt;
        }
        return ((Number) v).longValue();
    }
}
