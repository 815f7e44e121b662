package io.arcnode.gateway.validator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.arcnode.api.Violation;
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

    /** The file is unusable; the message names file, key and rule, one line per {@link #violations()}. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<Violation> violations;

        Invalid(String shown, List<Violation> violations) {
            super(String.join("\n", violations.stream().map(v -> shown + ": " + (v.field().isEmpty() ? ""
                    : v.field() + ": ") + v.message()).toList()));
            this.violations = List.copyOf(violations);
        }

        /** @return the problems: field ({@code rules[i].key}, empty for the whole document), rule, message */
        public List<Violation> violations() {
            return violations;
        }
    }

    private RulesFile() {
    }

    /** @return the rules of {@code file}, named {@code shown} in messages */
    public static List<Rule> read(Path file, String shown) throws Invalid {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw invalid(shown, "", "file", "file not found (gateway.validation_rules names no file)");
        } catch (IOException e) {
            throw invalid(shown, "", "file", "cannot read: " + e.getMessage());
        }
        return parse(text, shown);
    }

    /**
     * @param text  the rules document, YAML or JSON (JSON is YAML)
     * @param shown the name of the document in messages
     * @return its rules
     */
    public static List<Rule> parse(String text, String shown) throws Invalid {
        Object root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw invalid(shown, "", "syntax", "invalid YAML at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("rules") instanceof List<?> list) || top.size() != 1) {
            throw invalid(shown, "", "required", "must be a map with exactly the key rules (a list)");
        }
        List<Violation> problems = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "rules[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                problems.add(new Violation(where, "type", "must be a map"));
                continue;
            }
            int before = problems.size();
            for (Object k : m.keySet()) {
                if (!KEYS.contains(String.valueOf(k))) {
                    problems.add(new Violation(where + "." + k, "unknown_field", "unknown key (allowed: "
                            + String.join(", ", new TreeSet<>(KEYS)) + ")"));
                }
            }
            Double min = number(m, "min", where, problems);
            Double max = number(m, "max", where, problems);
            if (min != null && max != null && min > max) {
                problems.add(new Violation(where + ".max", "min_le_max", "must be >= min (" + min + ")"));
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
            throw new Invalid(shown, problems);
        }
        return List.copyOf(rules);
    }

    private static Invalid invalid(String shown, String field, String rule, String message) {
        return new Invalid(shown, List.of(new Violation(field, rule, message)));
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? "*" : v.toString();
    }

    private static Double number(Map<?, ?> m, String key, String where, List<Violation> problems) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        problems.add(new Violation(where + "." + key, "type", "must be a number (got " + v + ")"));
        return null;
    }

    private static Double positive(Double v, String where, List<Violation> problems) {
        if (v != null && v <= 0) {
            problems.add(new Violation(where, "positive", "must be > 0 (got " + v + ")"));
            return null;
        }
        return v;
    }

    private static Duration millis(Double ms) {
        return ms == null ? null : Duration.ofNanos(Math.round(ms * 1_000_000));
    }
}
