package io.arcnode.protocol.modbus.internal;

import java.util.Locale;

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
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the order named {@code key}
     * @throws IllegalArgumentException for an unknown name
     */
    public static WordOrder ofKey(String key) {
        for (WordOrder o : values()) {
            if (o.key().equals(key)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown word order '" + key + "' (big_endian, little_endian)");
    }
}
