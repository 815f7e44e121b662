package io.arcnode.protocol.modbus.internal;

import io.arcnode.api.adapter.AdapterContext;
import io.arcnode.api.adapter.PointTarget;
import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.ModbusTcpConfig;
import io.arcnode.api.dtm.PointMap;
import io.arcnode.api.telemetry.Classification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Immutable, validated settings of one Modbus TCP adapter instance: the connection, the polling behaviour and
 * the mapped points with their read plan. Built from a DTM device ({@link #fromDtm}) or from gateway
 * configuration ({@link #of} with points from {@link #point(Map, AdapterContext)}). Invalid input throws an
 * {@link IllegalArgumentException} whose message names every failing field; the factory turns it into
 * {@code CONFIG_ERROR}.
 *
 * @param adapterId the adapter id
 * @param host      device host name or address
 * @param port      TCP port 1..65535
 * @param transport Modbus TCP framing, or RTU frames over TCP
 * @param unitId    Modbus unit id 0..255
 * @param polling   poll interval, timeouts, retries, backoff
 * @param points    the mapped points (at least one)
 * @param plan      the read requests of one poll cycle, from {@link ReadPlanner}
 * @param serial    the serial line for {@link Transport#RTU} ({@code host} is then its port name, {@code port} 0);
 *                  {@code null} for the TCP transports
 */
public record ModbusSettings(String adapterId, String host, int port, Transport transport, int unitId, Polling polling,
        List<ModbusPoint> points, List<ReadRequest> plan, SerialLine serial) {

    /**
     * Polling behaviour. Defaults live in {@link ModbusAdapterConfig} only.
     *
     * @param interval       time between the starts of two poll cycles while the device answers
     * @param timeout        connect and response timeout of one request
     * @param retries        further attempts of a failed request in the same cycle, each after a reconnect
     * @param backoffInitial delay before the next cycle after a failed one; doubled per failed cycle
     * @param backoffMax     upper bound of that delay
     * @param unhealthyAfter without any successful read for this long, {@code DEGRADED} becomes {@code UNHEALTHY}
     * @param maxGap         unmapped registers (bits) a request may read to join two points
     */
    public record Polling(Duration interval, Duration timeout, int retries, Duration backoffInitial,
            Duration backoffMax, Duration unhealthyAfter, int maxGap) {

        /** @return the polling of the component configuration */
        public static Polling of(ModbusAdapterConfig c) {
            return new Polling(Duration.ofMillis(c.poll_interval_ms()), Duration.ofMillis(c.timeout_ms()),
                    c.retries(), Duration.ofMillis(c.backoff_initial_ms()), Duration.ofMillis(c.backoff_max_ms()),
                    Duration.ofMillis(c.unhealthy_after_ms()), c.max_gap());
        }

        void validate(List<String> errors) {
            positive(errors, "poll_interval_ms", interval);
            positive(errors, "timeout_ms", timeout);
            positive(errors, "backoff_initial_ms", backoffInitial);
            positive(errors, "unhealthy_after_ms", unhealthyAfter);
            if (backoffMax == null || backoffInitial != null && backoffMax.compareTo(backoffInitial) < 0) {
                errors.add("backoff_max_ms: must be >= backoff_initial_ms");
            }
            if (retries < 0 || retries > 10) {
                errors.add("retries: must be 0..10, is " + retries);
            }
            if (maxGap < 0 || maxGap > 124) {
                errors.add("max_gap: must be 0..124, is " + maxGap);
            }
        }

        private static void positive(List<String> errors, String key, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                errors.add(key + ": must be > 0");
            }
        }
    }

    /** Copies the lists. */
    public ModbusSettings {
        points = List.copyOf(points);
        plan = List.copyOf(plan);
    }

    /** Same as {@link #of(String, String, int, Transport, int, Polling, List)} with {@link Transport#TCP}. */
    public static ModbusSettings of(String adapterId, String host, int port, int unitId, Polling polling,
            List<ModbusPoint> points) {
        return of(adapterId, host, port, Transport.TCP, unitId, polling, points);
    }

    /**
     * @return validated settings with their read plan
     * @throws IllegalArgumentException naming every invalid field
     */
    public static ModbusSettings of(String adapterId, String host, int port, Transport transport, int unitId,
            Polling polling, List<ModbusPoint> points) {
        List<String> errors = new ArrayList<>();
        if (transport == null) {
            errors.add("transport: required");
        } else if (transport == Transport.RTU) {
            errors.add("transport: rtu needs a serial line (ModbusSettings.serial)");
        }
        if (host == null || host.isBlank()) {
            errors.add("host: required");
        }
        if (port < 1 || port > 65535) {
            errors.add("port: must be 1..65535, is " + port);
        }
        return build(adapterId, host, port, transport, null, unitId, polling, points, errors);
    }

    /**
     * @return validated settings of a Modbus RTU device on a serial line, with their read plan
     * @throws IllegalArgumentException naming every invalid field
     */
    public static ModbusSettings serial(String adapterId, SerialLine line, int unitId, Polling polling,
            List<ModbusPoint> points) {
        List<String> errors = new ArrayList<>(line.problems());
        if (unitId == 0) {
            errors.add(ModbusConfigEntry.RTU_UNIT_RULE);
        }
        return build(adapterId, line.port(), 0, Transport.RTU, line, unitId, polling, points, errors);
    }

    private static ModbusSettings build(String adapterId, String host, int port, Transport transport,
            SerialLine serial, int unitId, Polling polling, List<ModbusPoint> points, List<String> errors) {
        if (unitId < 0 || unitId > 255) {
            errors.add("unit_id: must be 0..255, is " + unitId);
        }
        if (polling == null) {
            errors.add("polling: required");
        } else {
            polling.validate(errors);
        }
        if (points == null || points.isEmpty()) {
            errors.add("points: at least one point is required");
        } else {
            Set<String> seen = new HashSet<>();
            for (ModbusPoint p : points) {
                String name = p.target().assetId() + "/" + p.target().parameter();
                if (!seen.add(name)) {
                    errors.add("points: " + name + " is mapped twice");
                }
                if (p.address() < 0 || p.end() > 65535) {
                    errors.add(name + ": address " + p.address() + " with " + p.width()
                            + " registers is outside 0..65535");
                }
                if (p.table().bits() != (p.type() == DataType.BOOL)) {
                    errors.add(name + ": type " + p.type().key() + " does not fit function code "
                            + p.table().functionCode() + " (bool exactly for 1 and 2)");
                }
                if (!Double.isFinite(p.scale()) || !Double.isFinite(p.offset())) {
                    errors.add(name + ": scale and offset must be finite");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        return new ModbusSettings(adapterId, host, port, transport, unitId, polling, points,
                ReadPlanner.plan(points, polling.maxGap()), serial);
    }

    /**
     * Settings of a DTM device. DTM point maps carry no data type, so it follows from the table and the count
     * (the convention of the assembly catalogue): function codes 1 and 2 give one {@code bool} per bit; for 3
     * and 4, count 1 is {@code uint16}, 2 is {@code float32}, 4 is {@code uint64} (energy counters), all
     * big-endian word order; any other count gives that many {@code uint16} elements. A map of more than one
     * element names them {@code <name>_0 .. <name>_<count-1>}. Scale 1, offset 0, no unit; asset and
     * classification from the context.
     *
     * @throws IllegalArgumentException naming every invalid field
     */
    public static ModbusSettings fromDtm(AdapterContext context, Device device, Polling polling) {
        if (!(device.protocolConfig() instanceof ModbusTcpConfig config)) {
            throw new IllegalArgumentException("protocol_config: not modbus_tcp");
        }
        List<String> errors = new ArrayList<>();
        List<ModbusPoint> points = new ArrayList<>();
        List<PointMap> maps = config.pointMaps() == null ? List.of() : config.pointMaps();
        for (int i = 0; i < maps.size(); i++) {
            PointMap m = maps.get(i);
            String where = "point_maps[" + i + "] (" + m.name() + ")";
            RegisterTable table;
            try {
                table = RegisterTable.ofFunctionCode(m.functionCode());
            } catch (IllegalArgumentException e) {
                errors.add(where + ": " + e.getMessage());
                continue;
            }
            if (m.count() < 1 || m.name() == null || m.name().isBlank()) {
                errors.add(where + ": name required and count must be >= 1");
                continue;
            }
            DataType single = table.bits() ? DataType.BOOL : switch (m.count()) {
                case 1 -> DataType.UINT16;
                case 2 -> DataType.FLOAT32;
                case 4 -> DataType.UINT64;
                default -> null;
            };
            if (single != null && single.registers() == m.count()) {
                points.add(dtmPoint(context, table, m.startAddress(), single, m.name()));
            } else {
                DataType element = table.bits() ? DataType.BOOL : DataType.UINT16;
                for (int k = 0; k < m.count(); k++) {
                    points.add(dtmPoint(context, table, m.startAddress() + k, element, m.name() + "_" + k));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        return of(context.adapterId(), device.host(), device.port(), config.unitId(), polling, points);
    }

    private static ModbusPoint dtmPoint(AdapterContext c, RegisterTable table, int address, DataType type,
            String parameter) {
        return new ModbusPoint(table, address, type, WordOrder.BIG_ENDIAN, 1, 0,
                new PointTarget(c.assetId(), parameter, "", c.classification()));
    }

    /**
     * A gateway-configured point with an explicit type. Keys: {@code function_code} (1-4, required),
     * {@code address} (required), {@code parameter} (required), {@code type} (default {@code bool} for 1 and 2,
     * {@code uint16} for 3 and 4), {@code word_order} ({@code big_endian}), {@code scale} (1), {@code offset}
     * (0), {@code unit} (""), {@code asset_id} and {@code classification} (from the context).
     *
     * @throws IllegalArgumentException for a missing or invalid key
     */
    public static ModbusPoint point(Map<String, ?> map, AdapterContext context) {
        RegisterTable table = RegisterTable.ofFunctionCode(intKey(map, "function_code"));
        Object type = map.get("type");
        Object order = map.get("word_order");
        Object classification = map.get("classification");
        Object asset = map.get("asset_id");
        Object unit = map.get("unit");
        Object parameter = map.get("parameter");
        if (parameter == null) {
            throw new IllegalArgumentException("parameter: required");
        }
        return new ModbusPoint(table, intKey(map, "address"),
                type == null ? (table.bits() ? DataType.BOOL : DataType.UINT16) : DataType.ofKey(type.toString()),
                order == null ? WordOrder.BIG_ENDIAN : WordOrder.ofKey(order.toString()),
                doubleKey(map, "scale", 1), doubleKey(map, "offset", 0),
                new PointTarget(asset == null ? context.assetId() : asset.toString(), parameter.toString(),
                        unit == null ? "" : unit.toString(),
                        classification == null ? context.classification()
                                : Classification.fromJson(classification.toString().toUpperCase(Locale.ROOT))));
    }

    private static int intKey(Map<String, ?> map, String key) {
        Object v = map.get(key);
        if (v == null) {
            throw new IllegalArgumentException(key + ": required");
        }
        try {
            return v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not an integer: " + v, e);
        }
    }

    private static double doubleKey(Map<String, ?> map, String key, double fallback) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a number: " + v, e);
        }
    }
}
