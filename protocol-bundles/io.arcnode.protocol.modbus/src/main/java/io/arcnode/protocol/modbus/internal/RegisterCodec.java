package io.arcnode.protocol.modbus.internal;

/** Pure conversion between register words (0..65535 each) and numbers. Used by the adapter and the simulator. */
public final class RegisterCodec {

    private RegisterCodec() {
    }

    /**
     * @param words  register values, each 0..65535
     * @param from   index of the value's first register in {@code words}
     * @param type   the data type (not {@link DataType#BOOL})
     * @param order  the word order
     * @return the raw (unscaled) value
     */
    public static double decode(int[] words, int from, DataType type, WordOrder order) {
        int n = type.registers();
        long bits = 0;
        for (int i = 0; i < n; i++) {
            int w = words[from + (order == WordOrder.BIG_ENDIAN ? i : n - 1 - i)] & 0xFFFF;
            bits = (bits << 16) | w;
        }
        return switch (type) {
            case INT16 -> (short) bits;
            case UINT16, UINT32 -> bits;
            case INT32 -> (int) bits;
            case FLOAT32 -> Float.intBitsToFloat((int) bits);
            case INT64 -> bits;
            case UINT64 -> bits >= 0 ? bits : (bits >>> 1) * 2.0 + (bits & 1);
            case FLOAT64 -> Double.longBitsToDouble(bits);
            case BOOL -> throw new IllegalArgumentException("bool is read from coils or discrete inputs");
        };
    }

    /**
     * @return the registers of {@code value} as {@code type} in {@code order}; integer types take the value
     *         rounded to the nearest integer and wrapped to the type's width
     */
    public static int[] encode(double value, DataType type, WordOrder order) {
        long bits = switch (type) {
            case INT16, UINT16, INT32, UINT32, INT64 -> Math.round(value);
            case UINT64 -> value >= 0x1p63 ? Math.round(value - 0x1p63) ^ Long.MIN_VALUE : Math.round(value);
            case FLOAT32 -> Float.floatToIntBits((float) value) & 0xFFFFFFFFL;
            case FLOAT64 -> Double.doubleToLongBits(value);
            case BOOL -> throw new IllegalArgumentException("bool is written to coils or discrete inputs");
        };
        int n = type.registers();
        int[] words = new int[n];
        for (int i = 0; i < n; i++) {
            int w = (int) ((bits >>> (16 * (n - 1 - i))) & 0xFFFF);
            words[order == WordOrder.BIG_ENDIAN ? i : n - 1 - i] = w;
        }
        return words;
    }
}
