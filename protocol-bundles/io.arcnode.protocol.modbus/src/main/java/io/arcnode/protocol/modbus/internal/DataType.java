package io.arcnode.protocol.modbus.internal;

import java.util.Locale;

/** How a point's registers (or bit) are read as a number. */
public enum DataType {
    /** One coil or discrete input: 0 or 1. */
    BOOL(1),
    INT16(1),
    UINT16(1),
    INT32(2),
    UINT32(2),
    FLOAT32(2),
    INT64(4),
    /** Read as a double: exact up to 2^53. */
    UINT64(4),
    FLOAT64(4);

    private final int registers;

    DataType(int registers) {
        this.registers = registers;
    }

    /** @return how many registers (or, for {@link #BOOL}, bits) the value occupies */
    public int registers() {
        return registers;
    }

    /** @return the configuration name, e.g. {@code float32} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the type named {@code key} ({@code int16}, {@code uint16}, ..., {@code float64}, {@code bool})
     * @throws IllegalArgumentException for an unknown name
     */
    public static DataType ofKey(String key) {
        for (DataType t : values()) {
            if (t.key().equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown data type '" + key
                + "' (bool, int16, uint16, int32, uint32, float32, int64, uint64, float64)");
    }
}
