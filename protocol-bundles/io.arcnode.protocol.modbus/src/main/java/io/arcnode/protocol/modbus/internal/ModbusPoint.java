package io.arcnode.protocol.modbus.internal;

import io.arcnode.api.adapter.PointTarget;
import java.util.Objects;

/**
 * One mapped point: where it is on the device, how it is decoded, and where its value goes.
 * The value published is {@code raw * scale + offset}.
 *
 * @param table    the data table (function code)
 * @param address  the first register or bit, 0-based protocol address (0..65535)
 * @param type     the data type; {@link DataType#BOOL} for coils and discrete inputs
 * @param order    the word order of multi-register values
 * @param scale    multiplier applied to the raw value
 * @param offset   added after scaling
 * @param target   asset, parameter, unit and classification
 */
public record ModbusPoint(RegisterTable table, int address, DataType type, WordOrder order, double scale,
        double offset, PointTarget target) {

    /** Requires every reference. */
    public ModbusPoint {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(target, "target");
    }

    /** @return how many registers or bits the point occupies */
    public int width() {
        return type.registers();
    }

    /** @return the last register or bit of the point */
    public int end() {
        return address + width() - 1;
    }
}
