package io.arcnode.protocol.modbus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The serial line of a Modbus RTU device (spec 004 {@code adapter_modbus_rtu}): the port and its framing.
 *
 * @param port     the serial device, e.g. {@code /dev/ttyUSB0} or {@code /dev/ttyS1}
 * @param baudRate bits per second (1200..921600)
 * @param dataBits 7 or 8
 * @param parity   {@code none}, {@code even} or {@code odd} (Modbus over serial line: even by default)
 * @param stopBits 1 or 2
 */
public record SerialLine(String port, int baudRate, int dataBits, String parity, int stopBits) {

    /** @return the problems of this line, {@code key: rule} each (the keys of a gateway configuration entry) */
    List<String> problems() {
        List<String> errors = new ArrayList<>();
        if (port == null || port.isBlank()) {
            errors.add("serial_port: required (e.g. /dev/ttyUSB0)");
        }
        if (baudRate < 1200 || baudRate > 921_600) {
            errors.add("baud_rate: must be 1200..921600, is " + baudRate);
        }
        if (dataBits != 7 && dataBits != 8) {
            errors.add("data_bits: must be 7 or 8, is " + dataBits);
        }
        if (!List.of("none", "even", "odd").contains(parity)) {
            errors.add("parity: must be none, even or odd, is " + parity);
        }
        if (stopBits != 1 && stopBits != 2) {
            errors.add("stop_bits: must be 1 or 2, is " + stopBits);
        }
        return errors;
    }

    /** @return the parity as j2mod names it ({@code None}, {@code Even}, {@code Odd}) */
    String j2modParity() {
        return parity.substring(0, 1).toUpperCase(Locale.ROOT) + parity.substring(1);
    }

    /** @return e.g. {@code /dev/ttyUSB0 19200 8E1} */
    @Override
    public String toString() {
        return port + " " + baudRate + " " + dataBits + parity.substring(0, 1).toUpperCase(Locale.ROOT) + stopBits;
    }
}
