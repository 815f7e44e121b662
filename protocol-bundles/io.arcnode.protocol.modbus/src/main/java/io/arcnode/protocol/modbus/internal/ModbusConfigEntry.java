package io.arcnode.protocol.modbus.internal;

import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.adapter.AdapterContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a Modbus entry of the gateway configuration ({@link AdapterConfig} of type {@code modbus_tcp} or
 * {@code modbus_rtu}) into {@link ModbusSettings}. Connection keys of {@code modbus_tcp}: {@code host}, {@code port},
 * {@code unit_id} (default 1), {@code transport} ({@code tcp} or {@code rtu_over_tcp}); of {@code modbus_rtu}:
 * {@code serial_port}, {@code baud_rate} (19200), {@code data_bits} (8), {@code parity} ({@code even}, the Modbus
 * serial-line default), {@code stop_bits} (1), {@code unit_id} (default 1); polling keys override the component defaults for this adapter:
 * {@code poll_interval_ms}, {@code timeout_ms}, {@code retries}. Points come as a list {@code points} (keys of
 * {@link ModbusSettings#point}) and/or as spec 004's map {@code registers} keyed by the Modicon reference
 * ({@code "40001"}: holding register 0; {@code 3xxxx} input registers, {@code 1xxxx} discrete inputs,
 * {@code 0xxxx} coils) with {@code param}, {@code unit}, {@code type} and the other point keys. Every problem is
 * reported as {@code key: rule} with the key as written in the entry.
 */
public final class ModbusConfigEntry {

    private static final Set<String> KEYS = Set.of("host", "port", "unit_id", "transport", "poll_interval_ms",
            "timeout_ms", "retries", "points", "registers");
    private static final Set<String> RTU_KEYS = Set.of("serial_port", "baud_rate", "data_bits", "parity",
            "stop_bits", "unit_id", "poll_interval_ms", "timeout_ms", "retries", "points", "registers");

    /** The adapter type of a device on a serial line (spec 004 {@code adapter_modbus_rtu}). */
    static final String RTU_TYPE = "modbus_rtu";

    /** Unit id 0 is the broadcast address on a serial line: nobody answers it. */
    static final String RTU_UNIT_RULE = "unit_id: must be 1..247 on a serial line (0 is broadcast, never answered)";
    private static final Set<String> POINT_KEYS = Set.of("function_code", "address", "parameter", "type",
            "word_order", "scale", "offset", "unit", "asset_id", "classification");
    private static final Set<String> REGISTER_KEYS = Set.of("param", "parameter", "type", "word_order", "scale",
            "offset", "unit", "asset_id", "classification");

    private ModbusConfigEntry() {
    }

    /** @return the entry's problems, {@code key: rule} each; empty when {@link #settings} succeeds */
    public static List<String> problems(AdapterConfig config, ModbusSettings.Polling defaults) {
        List<String> errors = new ArrayList<>();
        read(config, context(config), defaults, errors);
        return errors;
    }

    /**
     * @return the settings of a valid entry
     * @throws IllegalArgumentException with every problem, {@code ; }-separated
     */
    public static ModbusSettings settings(AdapterConfig config, AdapterContext context,
            ModbusSettings.Polling defaults) {
        List<String> errors = new ArrayList<>();
        ModbusSettings s = read(config, context, defaults, errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        return s;
    }

    /** A context for validation only: measurements go nowhere. */
    static AdapterContext context(AdapterConfig config) {
        return new AdapterContext(config.adapterId(), config.assetId(), config.classification(), m -> { },
                Clock.systemUTC());
    }

    private static ModbusSettings read(AdapterConfig config, AdapterContext context, ModbusSettings.Polling d,
            List<String> errors) {
        Map<String, Object> s = config.settings();
        boolean rtu = RTU_TYPE.equals(config.adapterType());
        unknown(s.keySet(), rtu ? RTU_KEYS : KEYS, "", errors);
        String host = s.get("host") == null ? null : s.get("host").toString();
        if (!rtu && (host == null || host.isBlank())) {
            errors.add("host: required");
        }
        int port = rtu ? 0 : integer(s, "port", -1, "port", errors);
        int unitId = integer(s, "unit_id", 1, "unit_id", errors);
        SerialLine line = null;
        if (rtu) {
            Object name = s.get("serial_port");
            line = new SerialLine(name == null ? null : name.toString(),
                    integer(s, "baud_rate", 19200, "baud_rate", errors), integer(s, "data_bits", 8, "data_bits", errors),
                    s.get("parity") == null ? "even" : s.get("parity").toString(),
                    integer(s, "stop_bits", 1, "stop_bits", errors));
            errors.addAll(line.problems());
            if (unitId == 0) {
                errors.add(RTU_UNIT_RULE);
            }
        }
        Transport transport = Transport.TCP;
        if (!rtu && s.get("transport") != null) {
            try {
                transport = Transport.ofKey(s.get("transport").toString());
            } catch (IllegalArgumentException e) {
                errors.add("transport: must be tcp or rtu_over_tcp (got " + s.get("transport") + ")");
            }
        }
        ModbusSettings.Polling polling = new ModbusSettings.Polling(
                Duration.ofMillis(integer(s, "poll_interval_ms", (int) d.interval().toMillis(), "poll_interval_ms",
                        errors)),
                Duration.ofMillis(integer(s, "timeout_ms", (int) d.timeout().toMillis(), "timeout_ms", errors)),
                integer(s, "retries", d.retries(), "retries", errors), d.backoffInitial(), d.backoffMax(),
                d.unhealthyAfter(), d.maxGap());
        List<ModbusPoint> points = new ArrayList<>();
        readPoints(s.get("points"), context, points, errors);
        readRegisters(s.get("registers"), context, points, errors);
        if (s.get("points") == null && s.get("registers") == null) {
            errors.add("points: at least one point is required (or registers)");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            return rtu ? ModbusSettings.serial(config.adapterId(), line, unitId, polling, points)
                    : ModbusSettings.of(config.adapterId(), host, port, transport, unitId, polling, points);
        } catch (IllegalArgumentException e) {
            for (String p : e.getMessage().split("; ")) {
                errors.add(p);
            }
            return null;
        }
    }

    private static void readPoints(Object value, AdapterContext context, List<ModbusPoint> out,
            List<String> errors) {
        if (value == null) {
            return;
        }
        if (!(value instanceof List<?> list)) {
            errors.add("points: must be a list of points");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String where = "points[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                errors.add(where + ": must be a map");
                continue;
            }
            Map<String, Object> map = stringKeys(m);
            unknown(map.keySet(), POINT_KEYS, where + ".", errors);
            try {
                out.add(ModbusSettings.point(map, context));
            } catch (IllegalArgumentException e) {
                errors.add(at(where, e));
            }
        }
    }

    private static void readRegisters(Object value, AdapterContext context, List<ModbusPoint> out,
            List<String> errors) {
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?> registers)) {
            errors.add("registers: must be a map from Modicon reference (\"40001\") to a point");
            return;
        }
        for (Map.Entry<?, ?> e : registers.entrySet()) {
            String ref = String.valueOf(e.getKey());
            String where = "registers." + ref;
            if (!(e.getValue() instanceof Map<?, ?> m)) {
                errors.add(where + ": must be a map");
                continue;
            }
            int[] fcAddress = modicon(ref);
            if (fcAddress == null) {
                errors.add(where + ": not a Modicon reference (00001-09999, 10001-19999, 30001-39999, "
                        + "40001-49999, or the six-digit forms up to 465536)");
                continue;
            }
            Map<String, Object> map = stringKeys(m);
            unknown(map.keySet(), REGISTER_KEYS, where + ".", errors);
            Map<String, Object> point = new HashMap<>(map);
            Object param = point.remove("param");
            if (param != null) {
                point.putIfAbsent("parameter", param);
            }
            point.put("function_code", fcAddress[0]);
            point.put("address", fcAddress[1]);
            try {
                out.add(ModbusSettings.point(point, context));
            } catch (IllegalArgumentException ex) {
                errors.add(at(where, ex));
            }
        }
    }

    /**
     * @return {function code, 0-based address} of a Modicon reference: the first digit names the table (0 coils,
     *         1 discrete inputs, 3 input registers, 4 holding registers), the rest is the 1-based number; five
     *         digits ({@code 40001}) or six ({@code 400001}); {@code null} for anything else
     */
    static int[] modicon(String ref) {
        if (!ref.matches("[0134][0-9]{4,5}")) {
            return null;
        }
        int number = Integer.parseInt(ref.substring(1));
        if (number < 1 || number > 65536) {
            return null;
        }
        int fc = switch (ref.charAt(0)) {
            case '0' -> 1;
            case '1' -> 2;
            case '3' -> 4;
            default -> 3;
        };
        return new int[] {fc, number - 1};
    }

    /** @return {@code where.key: rule} when the message starts with a key, else {@code where: message} */
    private static String at(String where, IllegalArgumentException e) {
        String m = String.valueOf(e.getMessage());
        return m.matches("[a-z_]+: .*") ? where + "." + m : where + ": " + m;
    }

    private static int integer(Map<String, Object> s, String key, int fallback, String where, List<String> errors) {
        Object v = s.get(key);
        if (v == null) {
            if (fallback < 0) {
                errors.add(where + ": required");
            }
            return fallback;
        }
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).intValue();
        }
        errors.add(where + ": must be an integer (got " + v + ")");
        return fallback;
    }

    private static void unknown(Set<String> keys, Set<String> allowed, String prefix, List<String> errors) {
        for (String k : keys) {
            if (!allowed.contains(k)) {
                errors.add(prefix + k + ": unknown key (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new HashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
