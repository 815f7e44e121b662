package io.arcnode.protocol.mqtt.internal;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed values from one map of a configuration entry (as YAML or JSON gave it) and records a
 * {@code key: rule} line for each bad value, the key as the path from the entry ({@code subscriptions[1].qos}).
 * A bad or missing value reads as {@code null} or the default, so one pass reports every problem.
 *
 * @param map      the map
 * @param prefix   path of the map from the entry, empty or ending in {@code .}
 * @param problems receives the problem lines
 */
record Entry(Map<?, ?> map, String prefix, List<String> problems) {

    void problem(String key, String rule) {
        problems.add(prefix + key + ": " + rule);
    }

    /** Reports every key not in {@code allowed} (a typo would otherwise be a silent default). */
    void onlyKeys(Set<String> allowed) {
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                problem(String.valueOf(key), "unknown key (known: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    String string(String key, boolean required) {
        Object v = map.get(key);
        if (v == null) {
            if (required) {
                problem(key, "required");
            }
            return null;
        }
        if (!(v instanceof String text)) {
            problem(key, "must be a string");
            return null;
        }
        if (text.isBlank()) {
            problem(key, "must not be blank");
            return null;
        }
        return text;
    }

    /** @return a string that may be empty (a unit), {@code null} when absent or not a string */
    String text(String key) {
        Object v = map.get(key);
        if (v != null && !(v instanceof String)) {
            problem(key, "must be a string");
            return null;
        }
        return (String) v;
    }

    int integer(String key, int fallback, int min, int max) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        long n;
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            n = ((Number) v).longValue();
        } else if (v instanceof String text && text.strip().matches("-?\\d{1,18}")) {
            n = Long.parseLong(text.strip());
        } else {
            problem(key, "must be an integer");
            return fallback;
        }
        if (n < min || n > max) {
            problem(key, "must be " + min + ".." + max + ", is " + n);
            return fallback;
        }
        return (int) n;
    }

    boolean bool(String key, boolean fallback) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if ("true".equals(v) || "false".equals(v)) {
            return Boolean.parseBoolean((String) v);
        }
        problem(key, "must be true or false");
        return fallback;
    }

    /** @return an RFC 6901 pointer that names a member (starts with {@code /}), {@code null} when absent or bad */
    JsonPointer pointer(String key, boolean required) {
        String text = string(key, required);
        if (text == null) {
            return null;
        }
        if (!text.startsWith("/")) {
            problem(key, "must start with '/'");
            return null;
        }
        try {
            return JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            problem(key, "not a JSON pointer (RFC 6901): " + e.getMessage());
            return null;
        }
    }

    /** @return the maps of a list, each as an entry with its path; empty when absent or bad */
    List<Entry> list(String key, boolean required) {
        Object v = map.get(key);
        if (v == null) {
            if (required) {
                problem(key, "required, a list of at least one");
            }
            return List.of();
        }
        if (!(v instanceof List<?> items)) {
            problem(key, "must be a list");
            return List.of();
        }
        if (items.isEmpty() && required) {
            problem(key, "must not be empty");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = key + "[" + i + "]";
            if (items.get(i) instanceof Map<?, ?> m) {
                entries.add(new Entry(m, prefix + path + ".", problems));
            } else {
                problem(path, "must be a map");
            }
        }
        return entries;
    }
}
