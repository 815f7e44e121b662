package io.arcnode.protocol.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.adapter.Adapter;
import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.adapter.AdapterContext;
import io.arcnode.api.adapter.AdapterStatus;
import io.arcnode.api.telemetry.Classification;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gateway-configured Modbus entries: reading, problems, and the factory's adapter against its own simulator. */
class ModbusConfigEntryTest {

    private static final ModbusSettings.Polling DEFAULTS = new ModbusSettings.Polling(Duration.ofMillis(1000),
            Duration.ofMillis(500), 1, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMinutes(5), 0);

    private static AdapterConfig entry(Map<String, Object> settings) {
        return new AdapterConfig("adapter_modbus_001", "modbus_tcp", "line_1_sensor_01", Classification.TELEMETRY,
                settings, "adapters.yml: adapters[0]");
    }

    private static Map<String, Object> valid(int port) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("host", "127.0.0.1");
        s.put("port", port);
        s.put("unit_id", 3);
        s.put("poll_interval_ms", 50);
        s.put("registers", Map.of("40001", Map.of("param", "temperature", "unit", "celsius", "type", "float32")));
        s.put("points", List.of(Map.of("function_code", 4, "address", 10, "parameter", "pressure", "scale", 0.1,
                "unit", "bar"), Map.of("function_code", 1, "address", 0, "parameter", "pump_on")));
        return s;
    }

    @Test
    void modiconReferencesNameTableAndZeroBasedAddress() {
        assertArrayEquals(new int[] {3, 0}, ModbusConfigEntry.modicon("40001"));
        assertArrayEquals(new int[] {4, 99}, ModbusConfigEntry.modicon("30100"));
        assertArrayEquals(new int[] {2, 4}, ModbusConfigEntry.modicon("10005"));
        assertArrayEquals(new int[] {1, 0}, ModbusConfigEntry.modicon("00001"));
        assertArrayEquals(new int[] {3, 65535}, ModbusConfigEntry.modicon("465536"));
        assertNull(ModbusConfigEntry.modicon("40000"));
        assertNull(ModbusConfigEntry.modicon("20001"));
        assertNull(ModbusConfigEntry.modicon("4001"));
        assertNull(ModbusConfigEntry.modicon("465537"));
    }

    @Test
    void validEntryGivesSettingsWithItsOwnPollInterval() {
        ModbusSettings s = ModbusConfigEntry.settings(entry(valid(1502)),
                ModbusConfigEntry.context(entry(valid(1502))), DEFAULTS);
        assertEquals(List.of(), ModbusConfigEntry.problems(entry(valid(1502)), DEFAULTS));
        assertEquals(3, s.unitId());
        assertEquals(Duration.ofMillis(50), s.polling().interval());
        assertEquals(Duration.ofMillis(500), s.polling().timeout());
        assertEquals(3, s.points().size());
        ModbusPoint t = s.points().stream().filter(p -> p.target().parameter().equals("temperature")).findFirst()
                .orElseThrow();
        assertEquals(RegisterTable.HOLDING_REGISTERS, t.table());
        assertEquals(0, t.address());
        assertEquals(DataType.FLOAT32, t.type());
        assertEquals("celsius", t.target().unit());
        assertEquals("line_1_sensor_01", t.target().assetId());
    }

    @Test
    void everyProblemNamesItsKeyAndRule() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("port", "eighty");
        s.put("hots", "x");
        s.put("registers", Map.of("20001", Map.of("param", "a"), "40002", Map.of("unit", "bar")));
        s.put("points", List.of(Map.of("function_code", 7, "address", 0, "parameter", "b"),
                Map.of("function_code", 3, "address", 1, "parameter", "c", "type", "float128")));
        List<String> problems = ModbusConfigEntry.problems(entry(s), DEFAULTS);
        String all = String.join("\n", problems);
        assertTrue(all.contains("port: must be an integer (got eighty)"), all);
        assertTrue(all.contains("hots: unknown key (allowed: host, "), all);
        assertTrue(all.contains("registers.20001: not a Modicon reference"), all);
        assertTrue(all.contains("registers.40002.parameter: required"), all);
        assertTrue(all.contains("points[0]: function_code 7 is not a read function (1-4)"), all);
        assertTrue(all.contains("points[1]: unknown data type 'float128'"), all);
        assertTrue(all.contains("host: required"), all);
        assertEquals(7, problems.size(), all);
    }

    @Test
    void missingConnectionAndPointsAreProblems() {
        String all = String.join("\n", ModbusConfigEntry.problems(entry(Map.of()), DEFAULTS));
        assertTrue(all.contains("port: required"), all);
        assertTrue(all.contains("host: required"), all);
        assertTrue(all.contains("points: at least one point is required"), all);
    }

    @Test
    void factoryAdapterReadsFromTheFactorySimulator() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ModbusAdapterFactory factory = new ModbusAdapterFactory(ModbusSettingsTest.defaultConfig());
        AdapterConfig config = entry(valid(port));
        assertEquals(List.of(), factory.validate(config));
        ModbusTcpAdapterTest.Collector sink = new ModbusTcpAdapterTest.Collector();
        try (AutoCloseable sim = factory.simulate(config).orElseThrow();
                Adapter adapter = factory.create(new AdapterContext(config.adapterId(), config.assetId(),
                        config.classification(), sink, Clock.systemUTC()), config)) {
            adapter.start();
            Await.until("a reading of every point", Duration.ofSeconds(20),
                    () -> sink.last().keySet().containsAll(List.of("temperature", "pressure", "pump_on")),
                    sink::last);
            assertEquals(AdapterStatus.HEALTHY, adapter.health().status());
        }
    }

    @Test
    void factoryGivesConfigErrorNamingTheOrigin() {
        ModbusAdapterFactory factory = new ModbusAdapterFactory(ModbusSettingsTest.defaultConfig());
        AdapterConfig config = entry(Map.of("host", "127.0.0.1"));
        Adapter a = factory.create(ModbusConfigEntry.context(config), config);
        assertEquals(AdapterStatus.CONFIG_ERROR, a.health().status());
        assertTrue(a.health().reason().startsWith("adapters.yml: adapters[0]: port: required"),
                a.health().reason());
    }
}
