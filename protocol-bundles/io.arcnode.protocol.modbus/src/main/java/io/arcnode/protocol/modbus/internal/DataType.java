package io.arcnode.protocol.modbus.internal;

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
        return ConfigKeys.key(this);
    }

    /**
     * @return the type named {@code key} ({@code int16}, {@code uint16}, ..., {@code float64}, {@code bool})
     * @throws IllegalArgumentException for an unknown name
     */
    public static DataType ofKey(String key) {
        return ConfigKeys.ofKey(DataType.class, "data type", key);
    }
}
