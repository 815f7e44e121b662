package io.arcnode.protocol.modbus.internal;

import java.util.List;

/**
 * One Modbus read request of a poll cycle and the points decoded from its answer.
 *
 * @param table  the data table (function code)
 * @param start  first register or bit
 * @param count  number of registers or bits
 * @param points the points lying wholly inside {@code start .. start + count - 1}, by address
 */
public record ReadRequest(RegisterTable table, int start, int count, List<ModbusPoint> points) {

    /** Copies the list. */
    public ReadRequest {
        points = List.copyOf(points);
    }

    /** @return e.g. {@code FC3 100+4}, for status reasons */
    public String describe() {
        return "FC" + table.functionCode() + " " + start + "+" + count;
    }
}
