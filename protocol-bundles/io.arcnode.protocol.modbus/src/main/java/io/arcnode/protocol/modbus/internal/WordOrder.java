package io.arcnode.protocol.modbus.internal;

/**
 * Order of the 16-bit registers of a multi-register value. Bytes inside a register are always big-endian
 * (the Modbus spec); devices differ only in the word order.
 */
public enum WordOrder {
    /** Most significant register first (Modbus convention, "ABCD"). */
    BIG_ENDIAN,
    /** Least significant register first ("CDAB", word-swapped). */
    LITTLE_ENDIAN;

    /** @return the configuration name, {@code big_endian} or {@code little_endian} */
    public String key() {
        return ConfigKeys.key(this);
    }

    /**
     * @return the order named {@code key}
     * @throws IllegalArgumentException for an unknown name
     */
    public static WordOrder ofKey(String key) {
        return ConfigKeys.ofKey(WordOrder.class, "word order", key);
    }
}
