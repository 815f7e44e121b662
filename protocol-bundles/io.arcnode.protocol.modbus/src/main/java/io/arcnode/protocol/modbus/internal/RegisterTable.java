package io.arcnode.protocol.modbus.internal;

/** The four Modbus data tables read by function codes 1-4, with the per-request limits of the Modbus spec. */
public enum RegisterTable {
    COILS(1, 2000, true),
    DISCRETE_INPUTS(2, 2000, true),
    HOLDING_REGISTERS(3, 125, false),
    INPUT_REGISTERS(4, 125, false);

    private final int functionCode;
    private final int maxPerRequest;
    private final boolean bits;

    RegisterTable(int functionCode, int maxPerRequest, boolean bits) {
        this.functionCode = functionCode;
        this.maxPerRequest = maxPerRequest;
        this.bits = bits;
    }

    /** @return the read function code (1 coils, 2 discrete inputs, 3 holding registers, 4 input registers) */
    public int functionCode() {
        return functionCode;
    }

    /** @return the most bits or registers one read request may ask for (2000 bits, 125 registers) */
    public int maxPerRequest() {
        return maxPerRequest;
    }

    /** @return whether the table holds single bits (coils, discrete inputs) rather than 16-bit registers */
    public boolean bits() {
        return bits;
    }

    /**
     * @return the table read by {@code functionCode}
     * @throws IllegalArgumentException for any code but 1-4
     */
    public static RegisterTable ofFunctionCode(int functionCode) {
        for (RegisterTable t : values()) {
            if (t.functionCode == functionCode) {
                return t;
            }
        }
        throw new IllegalArgumentException("function_code " + functionCode + " is not a read function (1-4)");
    }
}
