package io.arcnode.gateway.alarms.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The alarm rules file ({@code gateway.alarm_rules}): YAML with one key {@code rules}, a list of
 * {@code {name, asset, parameter, high | low | equals | in, deadband, on_delay_ms, off_delay_ms, severity, message}}.
 * Problems throw {@link Invalid}, one line each: {@code <file>: rules[<i>].<key>: <rule>}.
 */
public final class AlarmRulesFile {

    /** The configuration key (section {@code gateway}) naming the file. */
    public static final String KEY = "alarm_rules";
    private static final Set<String> KEYS = Set.of("name", "asset", "parameter", "high", "low", "equals", "in",
            "deadband", "on_delay_ms", "off_delay_ms", "severity", "message");
    private static final List<String> CONDITIONS = List.of("high", "low", "equals", "in");

    /** The file is unusable; the message names file, entry, key and rule. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    private AlarmRulesFile() {
    }

    /** @return the rules of {@code file}, named {@code shown} in messages */
    public static List<AlarmRule> read(Path file, String shown) throws Invalid {
        Object root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(file), Object.class);
        } catch (NoSuchFileException e) {
            throw new Invalid(shown + ": file not found (gateway." + KEY + " names no file)");
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
        List<AlarmRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
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
            String name = text(m, "name");
            if (name == null || name.isBlank()) {
                problems.add(where + ".name: required (a unique name)");
            } else if (name.startsWith(AlarmEngine.RAW_PREFIX)) {
                problems.add(where + ".name: must not start with " + AlarmEngine.RAW_PREFIX
                        + " (kept for alarms.raw)");
            } else if (!names.add(name)) {
                problems.add(where + ".name: must be unique (" + name + " is used before)");
            }
            Severity severity = Severity.parse(text(m, "severity"));
            if (severity == null) {
                problems.add(where + ".severity: required, one of CRITICAL, HIGH, MEDIUM, LOW (got " + m.get("severity")
                        + ")");
            }
            Condition condition = condition(m, where, problems);
            Duration on = delay(m, "on_delay_ms", where, problems);
            Duration off = delay(m, "off_delay_ms", where, problems);
            if (problems.size() == before) {
                rules.add(new AlarmRule(name, text(m, "asset"), text(m, "parameter"), condition, severity,
                        text(m, "message"), on, off));
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(String.join("\n", problems.stream().map(p -> shown + ": " + p).toList()));
        }
        return List.copyOf(rules);
    }

    private static Condition condition(Map<?, ?> m, String where, List<String> problems) {
        List<String> given = CONDITIONS.stream().filter(m::containsKey).toList();
        if (given.size() != 1) {
            problems.add(where + ": exactly one of high, low, equals, in is required (got "
                    + (given.isEmpty() ? "none" : String.join(", ", given)) + ")");
            return null;
        }
        String kind = given.get(0);
        Double deadband = number(m, "deadband", where, problems);
        if (deadband != null && deadband < 0) {
            problems.add(where + ".deadband: must be >= 0 (got " + deadband + ")");
        }
        if (kind.equals("high") || kind.equals("low")) {
            Double limit = number(m, kind, where, problems);
            if (limit == null) {
                if (m.get(kind) == null) {
                    problems.add(where + "." + kind + ": must be a number (got null)");
                }
                return null;
            }
            return new Condition.Threshold(kind.equals("high"), limit, deadband == null ? 0 : deadband);
        }
        if (deadband != null) {
            problems.add(where + ".deadband: only with high or low (a state match has no deadband)");
        }
        Set<Double> values = new LinkedHashSet<>();
        if (kind.equals("equals")) {
            Double v = number(m, "equals", where, problems);
            if (v == null) {
                if (m.get("equals") == null) {
                    problems.add(where + ".equals: must be a number (got null)");
                }
                return null;
            }
            values.add(v);
        } else if (m.get("in") instanceof List<?> items && !items.isEmpty()) {
            for (int j = 0; j < items.size(); j++) {
                if (items.get(j) instanceof Number n && Double.isFinite(n.doubleValue())) {
                    values.add(n.doubleValue());
                } else {
                    problems.add(where + ".in[" + j + "]: must be a number (got " + items.get(j) + ")");
                }
            }
        } else {
            problems.add(where + ".in: must be a non-empty list of numbers (got " + m.get("in") + ")");
            return null;
        }
        return new Condition.StateMatch(values);
    }

    private static Duration delay(Map<?, ?> m, String key, String where, List<String> problems) {
        Double v = number(m, key, where, problems);
        if (v == null) {
            return Duration.ZERO;
        }
        if (v < 0) {
            problems.add(where + "." + key + ": must be >= 0 (got " + v + ")");
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.round(v * 1_000_000));
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
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
}
