package io.arcnode.protocol.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import io.arcnode.api.adapter.Adapter;
import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.adapter.AdapterContext;
import io.arcnode.api.adapter.AdapterStatus;
import io.arcnode.api.telemetry.Classification;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Modbus RTU on a real serial line: a pseudo-terminal pair joined by a byte relay (python3's {@code os.openpty}, the
 * way {@code socat pty,raw pty,raw} does it), jSerialComm on both ends, j2mod's serial slave as the device and the
 * factory's {@code modbus_rtu} adapter as the master. Skipped, saying so, where the machine has no pseudo-terminals
 * or no python3; RTU framing itself is also covered over TCP ({@code rtu_over_tcp}) in {@link ModbusTcpAdapterTest}.
 */
class ModbusRtuSerialTest {

    /** Two raw pseudo-terminals whose master sides are relayed both ways until stdin closes. */
    private static final String RELAY = String.join("\n",
            "import os, select, sys, tty",
            "m1, s1 = os.openpty(); m2, s2 = os.openpty()",
            "[tty.setraw(fd) for fd in (s1, s2)]",
            "print(os.ttyname(s1), os.ttyname(s2), flush=True)",
            "while True:",
            "    r, _, _ = select.select([m1, m2, sys.stdin], [], [])",
            "    if sys.stdin in r and not sys.stdin.buffer.read1(1024): break",
            "    for a, b in ((m1, m2), (m2, m1)):",
            "        if a in r:",
            "            try: data = os.read(a, 4096)",
            "            except OSError: data = b''",
            "            if data: os.write(b, data)");

    private Process relay;
    private ModbusSlave slave;

    @AfterEach
    void close() throws Exception {
        if (slave != null) {
            slave.close();
        }
        if (relay != null) {
            relay.getOutputStream().close();
            if (!relay.waitFor(10, TimeUnit.SECONDS)) {
                relay.destroyForcibly();
            }
        }
    }

    private String[] ptyPair() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/ptmx")), "no pseudo-terminals on this machine: serial RTU not tested");
        try {
            relay = new ProcessBuilder("python3", "-c", RELAY).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "no python3 to make a pseudo-terminal pair: serial RTU not tested (" + e + ")");
        }
        String line = new BufferedReader(new InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertTrue(line != null && line.startsWith("/dev/"), "relay printed no terminals: " + line);
        return line.split(" ");
    }

    @Test
    void adapterReadsADeviceOnASerialLine() throws Exception {
        String[] pts = ptyPair();
        SimpleProcessImage image = new SimpleProcessImage(5);
        image.addRegister(new SimpleRegister(0x41BC));                 // 40001-40002: float32 23.5 big-endian
        image.addRegister(new SimpleRegister(0x0000));
        image.addInputRegister(new SimpleInputRegister(1234));         // 30001: uint16, scale 0.1
        image.addDigitalIn(new SimpleDigitalIn(true));                 // 10001
        SerialParameters device = ModbusTcpAdapter.serialParameters(new SerialLine(pts[1], 19200, 8, "even", 1));
        slave = ModbusSlaveFactory.createSerialSlave(device);
        slave.addProcessImage(5, image);
        slave.open();

        Map<String, Object> s = new LinkedHashMap<>();
        s.put("serial_port", pts[0]);
        s.put("baud_rate", 19200);
        s.put("unit_id", 5);
        s.put("poll_interval_ms", 100);
        s.put("registers", Map.of("40001", Map.of("param", "supply_temp", "type", "float32", "unit", "celsius"),
                "30001", Map.of("param", "flow", "scale", 0.1, "unit", "lpm"),
                "10001", Map.of("param", "pump_running")));
        AdapterConfig config = new AdapterConfig("adapter_modbus_rtu_1", "modbus_rtu", "cdu_07",
                Classification.TELEMETRY, s, "adapters.yml: adapters[0]");
        ModbusAdapterFactory factory = new ModbusAdapterFactory(ModbusSettingsTest.defaultConfig());
        assertEquals(List.of(), factory.validate(config));
        ModbusTcpAdapterTest.Collector sink = new ModbusTcpAdapterTest.Collector();
        try (Adapter adapter = factory.create(new AdapterContext(config.adapterId(), config.assetId(),
                config.classification(), sink, Clock.systemUTC()), config)) {
            adapter.start();
            Await.until("every point read over the serial line", Duration.ofSeconds(30),
                    () -> sink.last().keySet().containsAll(List.of("supply_temp", "flow", "pump_running")),
                    () -> sink.last() + " " + adapter.health());
            assertEquals(23.5, sink.last().get("supply_temp"), 1e-6);
            assertEquals(123.4, sink.last().get("flow"), 1e-9);
            assertEquals(1.0, sink.last().get("pump_running"));
            assertEquals(AdapterStatus.HEALTHY, adapter.health().status(), adapter.health().toString());
            assertEquals("cdu_07", sink.all.get(0).assetId());
        }
    }

    @Test
    void serialLineKeysAreChecked() {
        Map<String, Object> s = Map.of("baud_rate", 300, "data_bits", 9, "parity", "mark", "stop_bits", 3,
                "unit_id", 0, "host", "10.0.0.1", "registers", Map.of("40001", Map.of("param", "a")));
        AdapterConfig config = new AdapterConfig("a", "modbus_rtu", "x", Classification.TELEMETRY, s, "f: adapters[0]");
        String all = String.join("\n", ModbusConfigEntry.problems(config, ModbusSettingsTest.defaultPolling()));
        for (String expected : List.of("host: unknown key", "serial_port: required", "baud_rate: must be 1200..921600",
                "data_bits: must be 7 or 8", "parity: must be none, even or odd", "stop_bits: must be 1 or 2",
                "unit_id: must be 1..247 on a serial line")) {
            assertTrue(all.contains(expected), expected + " in\n" + all);
        }
    }
}
