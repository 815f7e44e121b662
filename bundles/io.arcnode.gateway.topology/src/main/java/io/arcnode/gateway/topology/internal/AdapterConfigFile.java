package io.arcnode.gateway.topology.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.telemetry.Classification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the gateway configuration's adapters (spec 004: one gateway configuration, many adapters), the file named
 * by {@code gateway.adapters_file}: YAML (JSON is YAML too) with one top-level key {@code adapters}, a list of
 * entries. Every entry has {@code adapter_id} (unique, letters, digits, {@code _ . -}), {@code adapter_type}
 * (spec 004: {@code modbus_tcp}, {@code modbus_rtu}, {@code opcua}, {@code mqtt}), {@code asset_id} and optionally
 * {@code classification} ({@code telemetry} default, {@code event}, {@code alarm}); its other keys belong to the
 * protocol and are checked by the protocol bundle. Problems throw {@link Invalid} whose message is
 * {@code <file>: adapters[<i>].<key>: <rule>}, one line per problem.
 */
public final class AdapterConfigFile {

    /** The spec 004 adapter types a gateway configuration may name. */
    static final Set<String> TYPES = Set.of("modbus_tcp", "modbus_rtu", "opcua", "mqtt");

    private static final Set<String> COMMON = Set.of("adapter_id", "adapter_type", "asset_id", "classification");

    /** The file is unusable; the message names file, key and rule. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    private AdapterConfigFile() {
    }

    /**
     * @param file   the file
     * @param shown  how the file is named in messages (the configured value)
     * @return the entries, in file order
     */
    public static List<AdapterConfig> read(Path file, String shown) throws Invalid {
        Object root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(file), Object.class);
        } catch (NoSuchFileException e) {
            throw new Invalid(shown + ": file not found (gateway.adapters_file names no file)");
        } catch (JsonProcessingException e) {
            throw new Invalid(shown + ": invalid YAML at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Invalid(shown + ": cannot read: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new Invalid(shown + ": must be a map with the key adapters");
        }
        for (Object k : top.keySet()) {
            if (!"adapters".equals(k)) {
                throw new Invalid(shown + ": " + k + ": unknown key (allowed: adapters)");
            }
        }
        Object list = top.get("adapters");
        if (list == null) {
            return List.of();
        }
        if (!(list instanceof List<?> entries)) {
            throw new Invalid(shown + ": adapters: must be a list of adapters");
        }
        List<String> problems = new ArrayList<>();
        List<AdapterConfig> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = "adapters[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> raw)) {
                problems.add(where + ": must be a map");
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            raw.forEach((k, v) -> entry.put(String.valueOf(k), v));
            AdapterConfig c = entry(entry, where, shown + ": " + where, ids, problems);
            if (c != null) {
                out.add(c);
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(String.join("\n", problems.stream().map(p -> shown + ": " + p).toList()));
        }
        return List.copyOf(out);
    }

    private static AdapterConfig entry(Map<String, Object> e, String where, String origin, Set<String> ids,
            List<String> problems) {
        int before = problems.size();
        String id = text(e, "adapter_id", where, problems);
        if (id != null && !id.matches("[A-Za-z0-9_.-]+")) {
            problems.add(where + ".adapter_id: must be letters, digits, '_', '.' or '-' (got " + id + ")");
        } else if (id != null && !ids.add(id)) {
            problems.add(where + ".adapter_id: " + id + " is used by an earlier adapter");
        }
        String type = text(e, "adapter_type", where, problems);
        if (type != null && !TYPES.contains(type)) {
            problems.add(where + ".adapter_type: must be one of " + String.join(", ", new TreeSet<>(TYPES))
                    + " (got " + type + ")");
        }
        String asset = text(e, "asset_id", where, problems);
        Classification classification = Classification.TELEMETRY;
        Object cls = e.get("classification");
        if (cls != null) {
            try {
                classification = Classification.fromJson(cls.toString().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                problems.add(where + ".classification: must be telemetry, event or alarm (got " + cls + ")");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        Map<String, Object> settings = new LinkedHashMap<>(e);
        COMMON.forEach(settings::remove);
        settings.values().removeIf(v -> v == null);
        return new AdapterConfig(id, type, asset, classification, settings, origin);
    }

    private static String text(Map<String, Object> e, String key, String where, List<String> problems) {
        Object v = e.get(key);
        if (v == null || v.toString().isBlank()) {
            problems.add(where + "." + key + ": required (a non-empty string)");
            return null;
        }
        if (!(v instanceof String s)) {
            problems.add(where + "." + key + ": must be a string (got " + v + ")");
            return null;
        }
        return s;
    }
}
