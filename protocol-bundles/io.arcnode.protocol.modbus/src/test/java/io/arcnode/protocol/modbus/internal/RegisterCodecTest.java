package io.arcnode.protocol.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RegisterCodecTest {

    private static final WordOrder BE = WordOrder.BIG_ENDIAN;
    private static final WordOrder LE = WordOrder.LITTLE_ENDIAN;

    @Test
    void sixteenBitTypes() {
        assertEquals(-1, RegisterCodec.decode(new int[] {0xFFFF}, 0, DataType.INT16, BE));
        assertEquals(65535, RegisterCodec.decode(new int[] {0xFFFF}, 0, DataType.UINT16, BE));
        assertEquals(-32768, RegisterCodec.decode(new int[] {0x8000}, 0, DataType.INT16, BE));
        assertArrayEquals(new int[] {0xFFFE}, RegisterCodec.encode(-2, DataType.INT16, BE));
    }

    @Test
    void thirtyTwoBitTypesInBothWordOrders() {
        assertEquals(0x12345678L, RegisterCodec.decode(new int[] {0x1234, 0x5678}, 0, DataType.UINT32, BE));
        assertEquals(0x12345678L, RegisterCodec.decode(new int[] {0x5678, 0x1234}, 0, DataType.UINT32, LE));
        assertEquals(4294967295.0, RegisterCodec.decode(new int[] {0xFFFF, 0xFFFF}, 0, DataType.UINT32, BE));
        assertEquals(-2, RegisterCodec.decode(new int[] {0xFFFF, 0xFFFE}, 0, DataType.INT32, BE));
        assertEquals(-2, RegisterCodec.decode(new int[] {0xFFFE, 0xFFFF}, 0, DataType.INT32, LE));
    }

    @Test
    void float32KnownWords() {
        // 85.4f = 0x42AACCCD
        assertArrayEquals(new int[] {0x42AA, 0xCCCD}, RegisterCodec.encode(85.4, DataType.FLOAT32, BE));
        assertArrayEquals(new int[] {0xCCCD, 0x42AA}, RegisterCodec.encode(85.4, DataType.FLOAT32, LE));
        assertEquals(85.4f, (float) RegisterCodec.decode(new int[] {0, 0x42AA, 0xCCCD}, 1, DataType.FLOAT32, BE));
    }

    @Test
    void sixtyFourBitTypes() {
        // 1.5 = 0x3FF8000000000000
        assertEquals(1.5, RegisterCodec.decode(new int[] {0x3FF8, 0, 0, 0}, 0, DataType.FLOAT64, BE));
        assertEquals(1.5, RegisterCodec.decode(new int[] {0, 0, 0, 0x3FF8}, 0, DataType.FLOAT64, LE));
        assertEquals(-1, RegisterCodec.decode(new int[] {0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF}, 0, DataType.INT64, BE));
        assertEquals(0x1p64 - 1, RegisterCodec.decode(new int[] {0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF}, 0, DataType.UINT64, BE));
        assertEquals(123456789012L, RegisterCodec.decode(
                RegisterCodec.encode(123456789012L, DataType.UINT64, LE), 0, DataType.UINT64, LE));
    }

    @Test
    void roundTripEveryTypeAndOrder() {
        double[] values = {0, 1, 42, 1000, 30000};
        for (DataType t : DataType.values()) {
            if (t == DataType.BOOL) {
                continue;
            }
            for (WordOrder o : WordOrder.values()) {
                for (double v : values) {
                    assertEquals(v, RegisterCodec.decode(RegisterCodec.encode(v, t, o), 0, t, o), t + " " + o);
                }
            }
        }
    }

    @Test
    void boolIsNotARegisterType() {
        assertThrows(IllegalArgumentException.class, () -> RegisterCodec.decode(new int[] {1}, 0, DataType.BOOL, BE));
        assertThrows(IllegalArgumentException.class, () -> RegisterCodec.encode(1, DataType.BOOL, BE));
    }
}
