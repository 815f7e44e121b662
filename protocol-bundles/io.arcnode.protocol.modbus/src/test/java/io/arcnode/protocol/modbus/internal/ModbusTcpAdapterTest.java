package io.arcnode.protocol.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.adapter.AdapterHealth;
import io.arcnode.api.adapter.AdapterStatus;
import io.arcnode.api.adapter.MeasurementSink;
import io.arcnode.api.adapter.PointTarget;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.protocol.modbus.internal.ModbusSimulator.SimPoint;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter against the simulator over a real TCP socket on 127.0.0.1. */
class ModbusTcpAdapterTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant NOW = Instant.parse("2026-01-29T10:00:00.123Z");
    private static final ModbusSettings.Polling FAST = new ModbusSettings.Polling(Duration.ofMillis(20),
            Duration.ofMillis(300), 1, Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofMinutes(5), 0);

    private final List<AutoCloseable> open = new ArrayList<>();

    /** Collects measurements, thread-safe. */
    static final class Collector implements MeasurementSink {
        final List<Measurement> all = new CopyOnWriteArrayList<>();

        @Override
        public void accept(Measurement m) {
            all.add(m);
        }

        Map<String, Double> last() {
            Map<String, Double> m = new LinkedHashMap<>();
            for (Measurement x : all) {
                m.put(x.parameter(), x.value());
            }
            return m;
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private static ModbusPoint point(RegisterTable t, int address, DataType type, WordOrder o, double scale,
            double offset, String name) {
        return new ModbusPoint(t, address, type, o, scale, offset,
                new PointTarget("cdu_01", name, "u", Classification.TELEMETRY));
    }

    private static SimPoint sim(ModbusPoint p, double raw) {
        return new SimPoint(p.table(), p.address(), p.type(), p.order(), t -> raw);
    }

    private ModbusSimulator simulator(List<SimPoint> points) throws Exception {
        ModbusSimulator s = ModbusSimulator.start(InetAddress.getLoopbackAddress(), 0, 7, points);
        open.add(s);
        return s;
    }

    private ModbusTcpAdapter adapter(String id, int port, ModbusSettings.Polling polling, List<ModbusPoint> points,
            MeasurementSink sink, Clock clock) {
        ModbusTcpAdapter a = new ModbusTcpAdapter(ModbusSettings.of(id, "127.0.0.1", port, 7, polling, points), sink,
                clock);
        open.add(0, a);
        return a;
    }

    @Test
    void decodesEveryTypeWordOrderScaleAndOffset() throws Exception {
        RegisterTable hr = RegisterTable.HOLDING_REGISTERS;
        RegisterTable ir = RegisterTable.INPUT_REGISTERS;
        List<ModbusPoint> points = List.of(
                point(hr, 0, DataType.INT16, WordOrder.BIG_ENDIAN, 1, 0, "int16"),
                point(hr, 1, DataType.UINT16, WordOrder.BIG_ENDIAN, 0.1, -40, "uint16_scaled"),
                point(hr, 2, DataType.INT32, WordOrder.LITTLE_ENDIAN, 1, 0, "int32_le"),
                point(hr, 4, DataType.UINT32, WordOrder.BIG_ENDIAN, 1, 0, "uint32"),
                point(ir, 0, DataType.FLOAT32, WordOrder.BIG_ENDIAN, 1, 0, "float32"),
                point(ir, 2, DataType.FLOAT32, WordOrder.LITTLE_ENDIAN, 2, 1, "float32_le_scaled"),
                point(ir, 4, DataType.FLOAT64, WordOrder.BIG_ENDIAN, 1, 0, "float64"),
                point(ir, 8, DataType.FLOAT64, WordOrder.LITTLE_ENDIAN, 1, 0, "float64_le"),
                point(RegisterTable.COILS, 3, DataType.BOOL, WordOrder.BIG_ENDIAN, 1, 0, "coil_3"),
                point(RegisterTable.COILS, 4, DataType.BOOL, WordOrder.BIG_ENDIAN, 1, 0, "coil_4"),
                point(RegisterTable.DISCRETE_INPUTS, 9, DataType.BOOL, WordOrder.BIG_ENDIAN, 1, 0, "di_9"));
        double[] raw = {-1234, 650, -70000, 3000000000.0, 85.4, 12.5, Math.PI, -2.75, 1, 0, 1};
        List<SimPoint> simPoints = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            simPoints.add(sim(points.get(i), raw[i]));
        }
        ModbusSimulator s = simulator(simPoints);
        Collector c = new Collector();
        ModbusTcpAdapter a = adapter("adapter_modbus_001", s.port(), FAST, points, c, Clock.fixed(NOW, ZoneOffset.UTC));

        assertTrue(a.pollOnce(), () -> String.valueOf(a.health()));

        Map<String, Double> v = c.last();
        assertEquals(-1234, v.get("int16"));
        assertEquals(25.0, v.get("uint16_scaled"), 1e-9);
        assertEquals(-70000, v.get("int32_le"));
        assertEquals(3000000000.0, v.get("uint32"));
        assertEquals(85.4f, v.get("float32").floatValue());
        assertEquals(26.0, v.get("float32_le_scaled"));
        assertEquals(Math.PI, v.get("float64"));
        assertEquals(-2.75, v.get("float64_le"));
        assertEquals(1, v.get("coil_3"));
        assertEquals(0, v.get("coil_4"));
        assertEquals(1, v.get("di_9"));
        Measurement m = c.all.get(0);
        assertEquals(Quality.UNCERTAIN, m.quality(), "Modbus gives no device time");
        assertNull(m.timestamps().deviceTime());
        assertEquals(NOW, m.timestamps().gatewayTime());
        assertEquals("cdu_01", m.assetId());
        assertEquals(Map.of("adapter_id", "adapter_modbus_001", "adapter_version", ModbusTcpAdapter.VERSION), m.metadata());
        AdapterHealth h = a.health();
        assertEquals(AdapterStatus.HEALTHY, h.status());
        assertEquals(11, h.measurements());
        assertEquals(NOW, h.lastReadingAt());
    }

    @Test
    void requestsPerCycleAreThePlannersMinimum() throws Exception {
        RegisterTable hr = RegisterTable.HOLDING_REGISTERS;
        List<ModbusPoint> points = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            points.add(point(hr, i, DataType.UINT16, WordOrder.BIG_ENDIAN, 1, 0, "hr_" + i));
        }
        points.add(point(hr, 8, DataType.INT32, WordOrder.BIG_ENDIAN, 1, 0, "overlap_8"));
        points.add(point(hr, 20, DataType.FLOAT32, WordOrder.BIG_ENDIAN, 1, 0, "gap_20"));
        for (int i = 0; i < 130; i++) {
            points.add(point(hr, 1000 + i, DataType.UINT16, WordOrder.BIG_ENDIAN, 1, 0, "long_" + i));
        }
        points.add(point(RegisterTable.INPUT_REGISTERS, 0, DataType.FLOAT64, WordOrder.BIG_ENDIAN, 1, 0, "ir_0"));
        for (int i = 0; i < 16; i++) {
            points.add(point(RegisterTable.DISCRETE_INPUTS, i, DataType.BOOL, WordOrder.BIG_ENDIAN, 1, 0, "di_" + i));
        }
        ModbusSimulator s = simulator(points.stream().map(SimPoint::wave).toList());
        Collector c = new Collector();
        ModbusTcpAdapter a = adapter("adapter_modbus_002", s.port(), FAST, points, c, Clock.systemUTC());
        // FC2 0+16, FC3 0+10, FC3 20+2, FC3 1000+125, FC3 1125+5, FC4 0+4
        int minimum = 6;
        assertEquals(minimum, ReadPlanner.plan(points, 0).size());

        for (int cycle = 1; cycle <= 3; cycle++) {
            long before = s.requests();
            assertTrue(a.pollOnce(), () -> String.valueOf(a.health()));
            assertEquals(minimum, s.requests() - before, "requests in cycle " + cycle);
        }
        assertEquals(3L * points.size(), c.all.size());
        assertEquals(3L * minimum, a.health().reads());
    }

    @Test
    void valuesChangeWithTheSimulatorTick() throws Exception {
        List<ModbusPoint> points = List.of(
                point(RegisterTable.INPUT_REGISTERS, 0, DataType.FLOAT32, WordOrder.BIG_ENDIAN, 1, 0, "t"),
                point(RegisterTable.COILS, 0, DataType.BOOL, WordOrder.BIG_ENDIAN, 1, 0, "b"));
        ModbusSimulator s = simulator(points.stream().map(SimPoint::wave).toList());
        Collector c = new Collector();
        ModbusTcpAdapter a = adapter("adapter_modbus_003", s.port(), FAST, points, c, Clock.systemUTC());
        List<Double> seen = new ArrayList<>();
        List<Double> bits = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            assertTrue(a.pollOnce());
            seen.add(c.last().get("t"));
            bits.add(c.last().get("b"));
            s.tick();
        }
        // triangle wave 100 + |t % 20 - 10| at address 0; bit toggles every 5 ticks
        assertEquals(List.of(110.0, 109.0, 108.0, 107.0, 106.0, 105.0), seen);
        assertEquals(List.of(0.0, 0.0, 0.0, 0.0, 0.0, 1.0), bits);
    }

    @Test
    void modbusExceptionCodeIsCarriedInTheStatus() throws Exception {
        ModbusPoint mapped = point(RegisterTable.HOLDING_REGISTERS, 0, DataType.UINT16, WordOrder.BIG_ENDIAN, 1, 0, "ok");
        ModbusPoint unmapped = point(RegisterTable.HOLDING_REGISTERS, 50, DataType.UINT16, WordOrder.BIG_ENDIAN, 1, 0,
                "missing");
        ModbusSimulator s = simulator(List.of(sim(mapped, 5)));
        Collector c = new Collector();
        ModbusTcpAdapter a = adapter("adapter_modbus_004", s.port(), FAST, List.of(mapped, unmapped), c,
                Clock.systemUTC());
        long before = s.requests();
        assertFalse(a.pollOnce());
        AdapterHealth h = a.health();
        assertEquals(AdapterStatus.DEGRADED, h.status());
        assertTrue(h.reason().startsWith("modbus exception 2 ("), h.reason());
        assertTrue(h.reason().contains("FC3 50+1"), h.reason());
        assertEquals(2, s.requests() - before, "an exception answer is not retried");
        assertEquals(1, h.errors());
        assertEquals(Map.of("ok", 5.0), c.last(), "the good request still delivers");
    }

    @Test
    void deviceThatStopsAnsweringIsDegradedAndRecoversByItself() throws Exception {
        List<ModbusPoint> points = List.of(
                point(RegisterTable.INPUT_REGISTERS, 0, DataType.FLOAT32, WordOrder.BIG_ENDIAN, 1, 0, "t"));
        ModbusSimulator s = simulator(points.stream().map(SimPoint::wave).toList());
        Collector c = new Collector();
        ModbusTcpAdapter a = adapter("adapter_modbus_005", s.port(), FAST, points, c, Clock.systemUTC());
        a.start();
        Await.until("HEALTHY", WAIT, () -> a.health().status() == AdapterStatus.HEALTHY, a::health);

        s.setAnswering(false);
        Await.until("DEGRADED", WAIT, () -> a.health().status() == AdapterStatus.DEGRADED, a::health);
        AdapterHealth degraded = a.health();
        assertTrue(degraded.reason().startsWith("no answer to FC4 0+2 from 127.0.0.1:" + s.port()
                + " unit 7 after 2 attempts (timeout 300 ms)"), degraded.reason());
        assertTrue(degraded.errors() >= 2);
        long measurementsWhileDown = a.health().measurements();

        s.setAnswering(true);
        Await.until("HEALTHY again", WAIT, () -> a.health().status() == AdapterStatus.HEALTHY, a::health);
        Await.until("new measurements", WAIT, () -> a.health().measurements() > measurementsWhileDown + 2, a::health);
        assertNull(a.health().reason());
        a.stop();
        a.stop();
    }

    @Test
    void rtuFramesOverTcp() throws Exception {
        List<ModbusPoint> points = List.of(
                point(RegisterTable.INPUT_REGISTERS, 0, DataType.FLOAT32, WordOrder.LITTLE_ENDIAN, 1, 0, "t"),
                point(RegisterTable.HOLDING_REGISTERS, 10, DataType.INT16, WordOrder.BIG_ENDIAN, 0.5, 0, "h"),
                point(RegisterTable.COILS, 2, DataType.BOOL, WordOrder.BIG_ENDIAN, 1, 0, "c"));
        double[] raw = {21.5, -8, 1};
        List<SimPoint> simPoints = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            simPoints.add(sim(points.get(i), raw[i]));
        }
        ModbusSimulator s = ModbusSimulator.start(InetAddress.getLoopbackAddress(), 0, Transport.RTU_OVER_TCP, 7,
                simPoints);
        open.add(s);
        Collector c = new Collector();
        ModbusTcpAdapter a = new ModbusTcpAdapter(ModbusSettings.of("adapter_modbus_rtu", "127.0.0.1", s.port(),
                Transport.RTU_OVER_TCP, 7, FAST, points), c, Clock.systemUTC());
        open.add(0, a);
        long before = s.requests();
        assertTrue(a.pollOnce(), () -> String.valueOf(a.health()));
        assertEquals(3, s.requests() - before);
        assertEquals(Map.of("t", 21.5, "h", -4.0, "c", 1.0), c.last());
    }

    @Test
    void rtuCrcIsTheModbusOne() {
        // read 10 holding registers from unit 1: 01 03 00 00 00 0A, CRC C5 CD on the wire
        assertEquals(0xCDC5, ModbusSimulator.crc16(new byte[] {1, 3, 0, 0, 0, 10}, 6));
    }

    @Test
    void backoffDoublesPerFailedCycleUpToItsBound() {
        // FAST: initial 20 ms, max 80 ms
        assertEquals(List.of(20L, 40L, 80L, 80L, 80L), List.of(1, 2, 3, 4, 40).stream()
                .map(n -> ModbusTcpAdapter.backoff(FAST, n).toMillis()).toList());
    }

    @Test
    void theIntervalIsBetweenTheStartsOfTwoCycles() {
        Duration interval = Duration.ofMillis(1000);
        assertEquals(Duration.ofMillis(930), ModbusTcpAdapter.untilNextStart(interval, 70_000_000L));
        assertEquals(Duration.ZERO, ModbusTcpAdapter.untilNextStart(interval, 1_000_000_000L));
        assertEquals(Duration.ZERO, ModbusTcpAdapter.untilNextStart(interval, 1_500_000_000L), "no catching up");
    }


    @Test
    void aHungDeviceDoesNotStallAnotherAdapter() throws Exception {
        List<ModbusPoint> points = List.of(
                point(RegisterTable.HOLDING_REGISTERS, 0, DataType.UINT16, WordOrder.BIG_ENDIAN, 1, 0, "v"));
        ModbusSimulator hung = simulator(points.stream().map(SimPoint::wave).toList());
        hung.setAnswering(false);
        ModbusSimulator fine = simulator(points.stream().map(SimPoint::wave).toList());
        ModbusSettings.Polling patient = new ModbusSettings.Polling(Duration.ofMillis(20), Duration.ofSeconds(30), 0,
                Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofMinutes(5), 0);
        ModbusTcpAdapter slow = adapter("adapter_modbus_slow", hung.port(), patient, points, new Collector(),
                Clock.systemUTC());
        Collector c = new Collector();
        ModbusTcpAdapter fast = adapter("adapter_modbus_fast", fine.port(), FAST, points, c, Clock.systemUTC());
        slow.start();
        Await.until("the hung device got the request", WAIT, () -> hung.requests() >= 1, slow::health);
        fast.start();

        Await.until("20 cycles of the healthy adapter", WAIT, () -> c.all.size() >= 20, fast::health);
        AdapterHealth stuck = slow.health();
        assertEquals(0, stuck.reads(), "the slow adapter is still waiting for its first answer");
        assertEquals(0, stuck.errors());
        assertEquals(AdapterStatus.HEALTHY, fast.health().status());
        // closing the hung device ends the slow adapter's request at once
        hung.close();
    }
}
