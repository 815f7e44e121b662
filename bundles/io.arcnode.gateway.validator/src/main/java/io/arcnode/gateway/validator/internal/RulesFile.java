package io.arcnode.gateway.validator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validation rules file ({@code gateway.validation_rules}): YAML with one key {@code rules}, a list of
 * {@code {asset, parameter, min, max, max_rate_per_s, expected_interval_ms, max_clock_skew_ms}} ({@code asset} and
 * {@code parameter} default to {@code *}; every limit is optional). Problems throw {@link Invalid}, one line each:
 * {@code <file>: rules[<i>].<key>: <rule>}.
 */
public final class RulesFile {

    private static final Set<String> KEYS = Set.of("asset", "parameter", "min", "max", "max_rate_per_s",
            "expected_interval_ms", "max_clock_skew_ms");

    /** The file is unusable; the message names file, key and rule. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    private RulesFile() {
    }

    /** @return the rules of {@code file}, named {@code shown} in messages */
    public static List<Rule> read(Path file, String shown) throws Invalid {
        Object root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(file), Object.class);
        } catch (NoSuchFileException e) {
            throw new Invalid(shown + ": file not found (gateway.validation_rules names no file)");
        } catch (JsonProcessingException e) {
            throw new Invalid(shown + ": invalid YAML at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Invalid(shown + ": cannot read: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("rules") instanceof List<?> list) || top.size() != 1) {
            throw new Invalid(shown + ": must be a map with exactly the key rules (a list)");
        }
        List<String> problems = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "rules[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                problems.add(where + ": must be a map");
                continue;
            }
            int before = problems.size();
            for (Object k : m.keySet()) {
                if (!KEYS.contains(String.valueOf(k))) {
                    problems.add(where + "." + k + ": unknown key (allowed: " + String.join(", ", new TreeSet<>(KEYS))
                            + ")");
                }
            }
            Double min = number(m, "min", where, problems);
            Double max = number(m, "max", where, problems);
            if (min != null && max != null && min > max) {
                problems.add(where + ".max: must be >= min (" + min + ")");
            }
            Double rate = positive(number(m, "max_rate_per_s", where, problems), where + ".max_rate_per_s", problems);
            Double interval = positive(number(m, "expected_interval_ms", where, problems),
                    where + ".expected_interval_ms", problems);
            Double skew = positive(number(m, "max_clock_skew_ms", where, problems), where + ".max_clock_skew_ms",
                    problems);
            if (problems.size() == before) {
                rules.add(new Rule(text(m, "asset"), text(m, "parameter"), min, max, rate, millis(interval),
                        millis(skew)));
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(String.join("\n", problems.stream().map(p -> shown + ": " + p).toList()));
        }
        return List.copyOf(rules);
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? "*" : v.toString();
    }

    private static Double number(Map<?, ?> m, String key, String where, List<String> problems) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        problems.add(where + "." + key + ": must be a number (got " + v + ")");
        return null;
    }

    private static Double positive(Double v, String where, List<String> problems) {
        if (v != null && v <= 0) {
            problems.add(where + ": must be > 0 (got " + v + ")");
            return null;
        }
        return v;
    }

    private static Duration millis(Double ms) {
        return ms == null ? null : Duration.ofNanos(Math.round(ms * 1_000_000));
    }
}
