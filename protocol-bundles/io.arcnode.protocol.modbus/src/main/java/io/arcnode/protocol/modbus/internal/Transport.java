package io.arcnode.protocol.modbus.internal;

/** Framing on the TCP connection. */
public enum Transport {
    /** Modbus TCP: MBAP header (transaction id, length), no CRC. */
    TCP,
    /** Modbus RTU frames (unit id, PDU, CRC-16) carried over TCP, as serial device servers forward them. */
    RTU_OVER_TCP,
    /** Modbus RTU on a serial line (RS-485/RS-232 through jSerialComm); the settings carry a {@link SerialLine}. */
    RTU;

    /** @return the configuration name, {@code tcp} or {@code rtu_over_tcp} */
    public String key() {
        return ConfigKeys.key(this);
    }

    /**
     * @return the transport named {@code key}
     * @throws IllegalArgumentException for an unknown name
     */
    public static Transport ofKey(String key) {
        return ConfigKeys.ofKey(Transport.class, "transport", key);
    }
}
