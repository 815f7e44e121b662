package io.arcnode.protocol.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.adapter.PointTarget;
import io.arcnode.api.telemetry.Classification;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReadPlannerTest {

    private static final RegisterTable HR = RegisterTable.HOLDING_REGISTERS;

    static ModbusPoint p(RegisterTable table, int address, DataType type) {
        return new ModbusPoint(table, address, type, WordOrder.BIG_ENDIAN, 1, 0,
                new PointTarget("a", table.functionCode() + "_" + address + "_" + type.key(), "", Classification.TELEMETRY));
    }

    private static List<ModbusPoint> registers(int from, int n, DataType type) {
        List<ModbusPoint> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(p(HR, from + i * type.registers(), type));
        }
        return l;
    }

    private static String shape(List<ReadRequest> plan) {
        StringBuilder sb = new StringBuilder();
        for (ReadRequest r : plan) {
            sb.append(sb.length() == 0 ? "" : " ").append(r.describe());
        }
        return sb.toString();
    }

    @Test
    void contiguousPointsAreOneRead() {
        List<ReadRequest> plan = ReadPlanner.plan(registers(10, 5, DataType.FLOAT32), 0);
        assertEquals("FC3 10+10", shape(plan));
        assertEquals(5, plan.get(0).points().size());
    }

    @Test
    void overlappingPointsShareOneRead() {
        List<ModbusPoint> pts = List.of(p(HR, 0, DataType.FLOAT64), p(HR, 1, DataType.UINT16), p(HR, 2, DataType.INT32),
                p(HR, 3, DataType.UINT32));
        assertEquals("FC3 0+5", shape(ReadPlanner.plan(pts, 0)));
    }

    @Test
    void gapsSplitUnlessMaxGapAllowsThem() {
        List<ModbusPoint> pts = List.of(p(HR, 0, DataType.UINT16), p(HR, 4, DataType.UINT16), p(HR, 10, DataType.UINT16));
        assertEquals("FC3 0+1 FC3 4+1 FC3 10+1", shape(ReadPlanner.plan(pts, 0)));
        assertEquals("FC3 0+5 FC3 10+1", shape(ReadPlanner.plan(pts, 3)));
        assertEquals("FC3 0+11", shape(ReadPlanner.plan(pts, 5)));
    }

    @Test
    void adjacentPointsJoinWithoutGap() {
        assertEquals("FC3 0+3", shape(ReadPlanner.plan(List.of(p(HR, 0, DataType.INT32), p(HR, 2, DataType.INT16)), 0)));
    }

    @Test
    void registerReadsStopAt125() {
        assertEquals("FC3 0+125 FC3 125+1", shape(ReadPlanner.plan(registers(0, 126, DataType.UINT16), 0)));
        assertEquals("FC3 0+125 FC3 125+125", shape(ReadPlanner.plan(registers(0, 250, DataType.UINT16), 0)));
    }

    @Test
    void aPointNeverStraddlesTwoReads() {
        // 63 float32 = 126 registers: 62 fit (124), the 63rd starts a new read
        assertEquals("FC3 0+124 FC3 124+2", shape(ReadPlanner.plan(registers(0, 63, DataType.FLOAT32), 0)));
        // float64 at 122..125 does not fit after 0..121; the uint16 inside it goes with it
        List<ModbusPoint> pts = new ArrayList<>(registers(0, 122, DataType.UINT16));
        pts.add(p(HR, 122, DataType.FLOAT64));
        pts.add(p(HR, 123, DataType.UINT16));
        assertEquals("FC3 0+122 FC3 122+4", shape(ReadPlanner.plan(pts, 0)));
    }

    @Test
    void bitReadsStopAt2000() {
        List<ModbusPoint> coils = new ArrayList<>();
        for (int i = 0; i < 2001; i++) {
            coils.add(p(RegisterTable.COILS, i, DataType.BOOL));
        }
        assertEquals("FC1 0+2000 FC1 2000+1", shape(ReadPlanner.plan(coils, 0)));
    }

    @Test
    void tablesAreNeverMixed() {
        List<ModbusPoint> pts = List.of(p(RegisterTable.INPUT_REGISTERS, 0, DataType.UINT16), p(HR, 1, DataType.UINT16),
                p(RegisterTable.DISCRETE_INPUTS, 0, DataType.BOOL), p(RegisterTable.COILS, 1, DataType.BOOL),
                p(HR, 0, DataType.UINT16));
        assertEquals("FC1 1+1 FC2 0+1 FC3 0+2 FC4 0+1", shape(ReadPlanner.plan(pts, 0)));
    }

    @Test
    void lastAddressIsReachable() {
        assertEquals("FC3 65534+2", shape(ReadPlanner.plan(List.of(p(HR, 65534, DataType.INT32)), 0)));
    }

    @Test
    void inputOrderDoesNotMatter() {
        List<ModbusPoint> pts = new ArrayList<>(registers(0, 130, DataType.UINT16));
        pts.addAll(registers(500, 10, DataType.FLOAT32));
        String expected = shape(ReadPlanner.plan(pts, 0));
        Collections.shuffle(pts, new Random(7));
        assertEquals(expected, shape(ReadPlanner.plan(pts, 0)));
        assertEquals("FC3 0+125 FC3 125+5 FC3 500+20", expected);
    }

    @Test
    void randomMapsAreCoveredWithinLimitsAndNoBetterPlanExists() {
        Random random = new Random(42);
        DataType[] types = {DataType.UINT16, DataType.INT32, DataType.FLOAT32, DataType.FLOAT64};
        for (int round = 0; round < 200; round++) {
            List<ModbusPoint> pts = new ArrayList<>();
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                pts.add(p(HR, random.nextInt(400), types[random.nextInt(types.length)]));
            }
            int maxGap = random.nextInt(4);
            List<ReadRequest> plan = ReadPlanner.plan(pts, maxGap);
            int covered = 0;
            for (ReadRequest r : plan) {
                assertTrue(r.count() <= 125);
                for (ModbusPoint q : r.points()) {
                    assertTrue(q.address() >= r.start() && q.end() <= r.start() + r.count() - 1);
                    covered++;
                }
            }
            assertEquals(n, covered);
            assertEquals(optimum(pts, maxGap), plan.size(), "round " + round);
        }
    }

    /** The optimum over consecutive runs of the points sorted by address, by dynamic programming (not greedy). */
    private static int optimum(List<ModbusPoint> points, int maxGap) {
        List<ModbusPoint> s = new ArrayList<>(points);
        s.sort((a, b) -> a.address() != b.address() ? Integer.compare(a.address(), b.address())
                : Integer.compare(a.end(), b.end()));
        int n = s.size();
        int[] best = new int[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            best[i] = Integer.MAX_VALUE;
            int end = s.get(i).end();
            for (int j = i; j < n; j++) {
                if (j > i && s.get(j).address() > end + 1 + maxGap) {
                    break;
                }
                end = Math.max(end, s.get(j).end());
                if (end - s.get(i).address() + 1 > 125) {
                    break;
                }
                best[i] = Math.min(best[i], 1 + best[j + 1]);
            }
        }
        return best[0];
    }

    @Test
    void negativeGapIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ReadPlanner.plan(List.of(), -1));
    }
}
