package io.arcnode.protocol.modbus.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pure planning of a poll cycle: points become the fewest read requests. Per table, points sorted by address
 * are packed greedily: a request starts at the first point not yet covered and takes every following point
 * that overlaps it, touches it, or leaves at most {@code maxGap} unmapped registers (bits) before it, as long
 * as the request stays within the table's limit (125 registers, 2000 bits). A point never straddles two
 * requests. Greedy packing from the lowest address is minimal: the first request can do no better than start
 * at the first point, and taking as many points as fit never leaves more for the rest.
 */
public final class ReadPlanner {

    private static final Comparator<ModbusPoint> BY_ADDRESS =
            Comparator.comparingInt(ModbusPoint::address).thenComparingInt(ModbusPoint::end);

    private ReadPlanner() {
    }

    /**
     * @param points the mapped points (any order, overlaps allowed)
     * @param maxGap how many unmapped registers (bits) a request may read to join two points; 0 joins only
     *               overlapping or adjacent points
     * @return the requests, by table (function code 1-4) and then by start address
     */
    public static List<ReadRequest> plan(List<ModbusPoint> points, int maxGap) {
        if (maxGap < 0) {
            throw new IllegalArgumentException("maxGap must be >= 0");
        }
        List<ReadRequest> plan = new ArrayList<>();
        for (RegisterTable table : RegisterTable.values()) {
            List<ModbusPoint> sorted = points.stream().filter(p -> p.table() == table).sorted(BY_ADDRESS).toList();
            int i = 0;
            while (i < sorted.size()) {
                int start = sorted.get(i).address();
                int end = sorted.get(i).end();
                List<ModbusPoint> in = new ArrayList<>();
                in.add(sorted.get(i));
                i++;
                while (i < sorted.size()) {
                    ModbusPoint p = sorted.get(i);
                    int newEnd = Math.max(end, p.end());
                    if (p.address() > end + 1 + maxGap || newEnd - start + 1 > table.maxPerRequest()) {
                        break;
                    }
                    end = newEnd;
                    in.add(p);
                    i++;
                }
                plan.add(new ReadRequest(table, start, end - start + 1, in));
            }
        }
        return plan;
    }
}
