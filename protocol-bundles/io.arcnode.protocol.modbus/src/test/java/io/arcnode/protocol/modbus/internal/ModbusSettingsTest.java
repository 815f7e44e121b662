package io.arcnode.protocol.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.adapter.AdapterContext;
import io.arcnode.api.adapter.AdapterStatus;
import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.ModbusTcpConfig;
import io.arcnode.api.dtm.PointMap;
import io.arcnode.api.telemetry.Classification;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModbusSettingsTest {

    static final ModbusSettings.Polling POLLING = new ModbusSettings.Polling(Duration.ofMillis(50),
            Duration.ofMillis(500), 1, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMinutes(5), 0);
    static final AdapterContext CONTEXT = new AdapterContext("adapter_modbus_001", "cdu_01",
            Classification.TELEMETRY, m -> { }, Clock.systemUTC());

    private static Device device(String host, int port, int unit, List<PointMap> maps) {
        return new Device(UUID.fromString("00000000-0000-0000-0000-000000000001"), "cdu", "compute-01", host, port,
                new ModbusTcpConfig(unit, maps), null);
    }

    private static String types(ModbusSettings s) {
        return s.points().stream().map(p -> p.target().parameter() + ":" + p.type().key() + "@" + p.table().functionCode()
                + "/" + p.address()).collect(Collectors.joining(" "));
    }

    @Test
    void dtmPointMapsGetTypesFromTheCount() {
        ModbusSettings s = ModbusSettings.fromDtm(CONTEXT, device("sim-cdu", 502, 1, List.of(
                new PointMap("supply_temp_c", 4, 0, 2),
                new PointMap("pump_state", 3, 10, 1),
                new PointMap("energy_kwh", 4, 20, 4),
                new PointMap("phase_voltage_v", 4, 30, 3),
                new PointMap("zone", 2, 0, 2))), POLLING);
        assertEquals("supply_temp_c:float32@4/0 pump_state:uint16@3/10 energy_kwh:uint64@4/20 "
                + "phase_voltage_v_0:uint16@4/30 phase_voltage_v_1:uint16@4/31 phase_voltage_v_2:uint16@4/32 "
                + "zone_0:bool@2/0 zone_1:bool@2/1", types(s));
        assertEquals("sim-cdu", s.host());
        assertEquals(1, s.unitId());
        assertTrue(s.points().stream().allMatch(p -> p.order() == WordOrder.BIG_ENDIAN && p.scale() == 1
                && "cdu_01".equals(p.target().assetId()) && p.target().classification() == Classification.TELEMETRY));
        assertEquals("FC2 0+2 FC3 10+1 FC4 0+2 FC4 20+4 FC4 30+3", s.plan().stream().map(ReadRequest::describe)
                .collect(Collectors.joining(" ")));
    }

    @Test
    void everyInvalidFieldIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModbusSettings.fromDtm(CONTEXT,
                device("", 0, 300, List.of(new PointMap("energy", 20, 0, 2), new PointMap("ok", 3, 0, 1))), POLLING));
        assertEquals("point_maps[0] (energy): function_code 20 is not a read function (1-4)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModbusSettings.fromDtm(CONTEXT,
                device("", 0, 300, List.of(new PointMap("ok", 3, 65535, 2))), POLLING));
        assertEquals("host: required; port: must be 1..65535, is 0; unit_id: must be 0..255, is 300; "
                + "cdu_01/ok: address 65535 with 2 registers is outside 0..65535", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModbusSettings.fromDtm(CONTEXT,
                device("h", 502, 1, List.of()), POLLING));
        assertEquals("points: at least one point is required", e.getMessage());
    }

    @Test
    void gatewayPointsHaveExplicitTypes() {
        ModbusPoint p = ModbusSettings.point(Map.of("function_code", 3, "address", "100", "type", "int32",
                "word_order", "little_endian", "scale", 0.1, "offset", -40, "parameter", "supply_temp",
                "unit", "celsius", "classification", "alarm"), CONTEXT);
        assertEquals(RegisterTable.HOLDING_REGISTERS, p.table());
        assertEquals(DataType.INT32, p.type());
        assertEquals(WordOrder.LITTLE_ENDIAN, p.order());
        assertEquals(0.1, p.scale());
        assertEquals(-40, p.offset());
        assertEquals(Classification.ALARM, p.target().classification());
        assertEquals("cdu_01", p.target().assetId());
        ModbusPoint coil = ModbusSettings.point(Map.of("function_code", 1, "address", 7, "parameter", "run"), CONTEXT);
        assertEquals(DataType.BOOL, coil.type());
    }

    @Test
    void typeMustFitTheTableAndNamesAreUnique() {
        ModbusPoint boolOnRegister = ModbusSettings.point(Map.of("function_code", 3, "address", 0, "type", "bool",
                "parameter", "x"), CONTEXT);
        ModbusPoint dup = ModbusSettings.point(Map.of("function_code", 4, "address", 0, "parameter", "x"), CONTEXT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModbusSettings.of("a", "h", 502, 1, POLLING, List.of(boolOnRegister, dup)));
        assertEquals("cdu_01/x: type bool does not fit function code 3 (bool exactly for 1 and 2); "
                + "points: cdu_01/x is mapped twice", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModbusSettings.point(Map.of("function_code", 3,
                "address", 0, "type", "int8", "parameter", "y"), CONTEXT));
        assertEquals("unknown data type 'int8' (bool, int16, uint16, int32, uint32, float32, int64, uint64, float64)",
                e.getMessage());
    }

    @Test
    void configurationNamesOfTheEnums() {
        assertEquals(Transport.RTU_OVER_TCP, Transport.ofKey("rtu_over_tcp"));
        assertEquals("little_endian", WordOrder.LITTLE_ENDIAN.key());
        assertEquals("unknown transport 'udp' (tcp, rtu_over_tcp, rtu)",
                assertThrows(IllegalArgumentException.class, () -> Transport.ofKey("udp")).getMessage());
    }

    @Test
    void invalidPollingIsNamed() {
        ModbusSettings.Polling bad = new ModbusSettings.Polling(Duration.ZERO, Duration.ofMillis(1), 11,
                Duration.ofMillis(10), Duration.ofMillis(5), Duration.ofMillis(1), 125);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModbusSettings.of("a", "h", 502,
                1, bad, List.of(ReadPlannerTest.p(RegisterTable.HOLDING_REGISTERS, 0, DataType.UINT16))));
        assertEquals("poll_interval_ms: must be > 0; backoff_max_ms: must be >= backoff_initial_ms; "
                + "retries: must be 0..10, is 11; max_gap: must be 0..124, is 125", e.getMessage());
    }

    @Test
    void factoryTurnsBadConfigurationIntoConfigError() {
        ModbusAdapterFactory f = new ModbusAdapterFactory(defaultConfig());
        var a = f.create(CONTEXT, device("h", 502, 1, List.of(new PointMap("energy", 20, 0, 2))));
        assertEquals(AdapterStatus.CONFIG_ERROR, a.health().status());
        assertEquals("point_maps[0] (energy): function_code 20 is not a read function (1-4)", a.health().reason());
        a.start();
        a.stop();
        var ok = f.create(CONTEXT, device("h", 502, 1, List.of(new PointMap("t", 4, 0, 2))));
        assertEquals(AdapterStatus.DEGRADED, ok.health().status());
        assertEquals("not polled yet", ok.health().reason());
    }

    /** @return the component configuration with the defaults of the README */
    static ModbusAdapterConfig defaultConfig() {
        return new ModbusAdapterConfig() {
            @Override public Class<? extends java.lang.annotation.Annotation> annotationType() { return ModbusAdapterConfig.class; }
            @Override public long poll_interval_ms() { return 1000; }
            @Override public long timeout_ms() { return 1000; }
            @Override public int retries() { return 2; }
            @Override public long backoff_initial_ms() { return 1000; }
            @Override public long backoff_max_ms() { return 30000; }
            @Override public long unhealthy_after_ms() { return 60000; }
            @Override public int max_gap() { return 0; }
        };
    }

    /** @return the polling of {@link #defaultConfig()} */
    static ModbusSettings.Polling defaultPolling() {
        return ModbusSettings.Polling.of(defaultConfig());
    }
}
