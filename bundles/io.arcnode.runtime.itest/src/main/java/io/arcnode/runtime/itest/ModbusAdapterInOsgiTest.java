package io.arcnode.runtime.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.adapter.Adapter;
import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.adapter.AdapterContext;
import io.arcnode.api.adapter.AdapterFactory;
import io.arcnode.api.adapter.AdapterStatus;
import io.arcnode.api.adapter.ConfiguredAdapterFactory;
import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.ModbusTcpConfig;
import io.arcnode.api.dtm.PointMap;
import io.arcnode.api.dtm.ProtocolKind;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The Modbus adapter factory of the gateway content, used through the adapter API only, reads one input register
 * pair over a real socket inside Equinox (j2mod and its imports wired). The peer is a one-answer Modbus TCP
 * server written here, since the bundle's simulator is internal.
 */
class ModbusAdapterInOsgiTest {

    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(ModbusAdapterInOsgiTest.class)
            .getBundleContext();

    @Test
    void factoryCreatesAnAdapterThatReadsOverTcp() throws Exception {
        ServiceTracker<AdapterFactory, AdapterFactory> tracker = new ServiceTracker<>(CONTEXT, AdapterFactory.class, null);
        tracker.open();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AdapterFactory factory = tracker.waitForService(TimeUnit.SECONDS.toMillis(60));
            assertNotNull(factory, "an AdapterFactory service");
            assertEquals(ProtocolKind.MODBUS_TCP, factory.protocol());
            Thread peer = new Thread(() -> answerOnce(server), "modbus-peer");
            peer.setDaemon(true);
            peer.start();

            BlockingQueue<Measurement> got = new ArrayBlockingQueue<>(100);
            Device device = new Device(UUID.randomUUID(), "cdu", "compute-01", "127.0.0.1", server.getLocalPort(),
                    new ModbusTcpConfig(1, List.of(new PointMap("supply_temp_c", 4, 0, 2))), null);
            Adapter adapter = factory.create(new AdapterContext("adapter_modbus_itest", "cdu_01",
                    Classification.TELEMETRY, got::offer, Clock.systemUTC()), device);
            adapter.start();
            try {
                Measurement m = got.poll(60, TimeUnit.SECONDS);
                assertNotNull(m, () -> "no measurement; health " + adapter.health());
                assertEquals("supply_temp_c", m.parameter());
                assertEquals(85.4f, (float) m.value());
                assertEquals(Quality.UNCERTAIN, m.quality());
                assertNull(m.timestamps().deviceTime());
                // the status is set when the cycle ends, just after its measurements
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (adapter.health().status() != AdapterStatus.HEALTHY && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(10);
                }
                assertEquals(AdapterStatus.HEALTHY, adapter.health().status(), () -> adapter.health().toString());
            } finally {
                adapter.stop();
            }
        } finally {
            tracker.close();
        }
    }

    /**
     * The gateway-configuration side of the same bundle: the {@code ConfiguredAdapterFactory} for {@code modbus_tcp}
     * starts its simulator (SIM mode) and an adapter of an entry reads it over loopback, inside Equinox.
     */
    @Test
    void configuredEntryReadsTheFactorySimulator() throws Exception {
        ServiceTracker<ConfiguredAdapterFactory, ConfiguredAdapterFactory> tracker = new ServiceTracker<>(CONTEXT,
                ConfiguredAdapterFactory.class, null);
        tracker.open();
        try {
            ConfiguredAdapterFactory factory = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (factory == null && System.nanoTime() < deadline) {
                for (ConfiguredAdapterFactory f : tracker.getTracked().values()) {
                    if (f.adapterTypes().contains("modbus_tcp")) {
                        factory = f;
                    }
                }
                if (factory == null) {
                    TimeUnit.MILLISECONDS.sleep(10);
                }
            }
            assertNotNull(factory, "a ConfiguredAdapterFactory for modbus_tcp");
            assertTrue(factory.adapterTypes().contains("modbus_rtu"), factory.adapterTypes().toString());
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            AdapterConfig config = new AdapterConfig("adapter_modbus_cfg_itest", "modbus_tcp", "meter_01",
                    Classification.TELEMETRY, Map.of("host", "127.0.0.1", "port", port, "poll_interval_ms", 100,
                            "registers", Map.of("30001", Map.of("param", "active_power_kw", "type", "float32"))),
                    "itest: adapters[0]");
            assertEquals(List.of(), factory.validate(config));
            BlockingQueue<Measurement> got = new ArrayBlockingQueue<>(1000);
            try (AutoCloseable sim = factory.simulate(config).orElseThrow();
                    Adapter adapter = factory.create(new AdapterContext(config.adapterId(), config.assetId(),
                            config.classification(), got::offer, Clock.systemUTC()), config)) {
                adapter.start();
                Measurement m = got.poll(60, TimeUnit.SECONDS);
                assertNotNull(m, () -> "no measurement; health " + adapter.health());
                assertEquals("meter_01", m.assetId());
                assertEquals("active_power_kw", m.parameter());
            }
        } finally {
            tracker.close();
        }
    }

    /** Answers the first read-input-registers request with the float32 85.4 (0x42AACCCD), then keeps the line open. */
    private static void answerOnce(ServerSocket server) {
        try (Socket s = server.accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] request = new byte[12];
            in.readFully(request);
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {request[0], request[1], 0, 0, 0, 7, request[6], 4, 4,
                (byte) 0x42, (byte) 0xAA, (byte) 0xCC, (byte) 0xCD});
            out.flush();
            in.read();
        } catch (java.io.IOException e) {
            // the adapter closed the connection
        }
    }
}
