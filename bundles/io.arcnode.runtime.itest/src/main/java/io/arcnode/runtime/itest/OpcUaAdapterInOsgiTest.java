package io.arcnode.runtime.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.adapter.Adapter;
import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.adapter.AdapterContext;
import io.arcnode.api.adapter.AdapterStatus;
import io.arcnode.api.adapter.ConfiguredAdapterFactory;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The OPC UA factory of the gateway content is registered as a {@code ConfiguredAdapterFactory} for type
 * {@code opcua}, and, used through the adapter API only, an adapter of it receives a value from the factory's own
 * simulator over a loopback socket inside Equinox, with security Basic256Sha256 (Milo with Netty, Guava and Bouncy
 * Castle wired; the client certificate is created in a fresh PKI folder).
 */
class OpcUaAdapterInOsgiTest {

    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(OpcUaAdapterInOsgiTest.class)
            .getBundleContext();

    @Test
    void factoryIsRegisteredAndItsAdapterReadsFromItsSimulator() throws Exception {
        ServiceTracker<ConfiguredAdapterFactory, ConfiguredAdapterFactory> tracker = new ServiceTracker<>(CONTEXT,
                ConfiguredAdapterFactory.class, null);
        tracker.open();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            ConfiguredAdapterFactory factory = null;
            while (factory == null && System.nanoTime() < deadline) {
                tracker.waitForService(1000);
                for (ConfiguredAdapterFactory f : tracker.getTracked().values()) {
                    if (f.adapterTypes().contains("opcua")) {
                        factory = f;
                    }
                }
            }
            assertNotNull(factory, "a ConfiguredAdapterFactory for opcua");

            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            AdapterConfig config = new AdapterConfig("adapter_opcua_itest", "opcua", "pump_01",
                    Classification.TELEMETRY, Map.of("endpoint_url", "opc.tcp://127.0.0.1:" + port + "/itest",
                            "publishing_interval_ms", 100, "security_policy", "basic256sha256",
                            "pki_dir", Files.createTempDirectory("opcua-itest-pki").toString(),
                            "monitored_items", List.of(Map.of("node_id", "ns=2;s=Pump1.Temp", "parameter", "temp_c",
                                    "unit", "celsius", "sampling_interval_ms", 50))),
                    "itest: adapters[0]");
            assertEquals(List.of(), factory.validate(config));

            BlockingQueue<Measurement> got = new ArrayBlockingQueue<>(1000);
            try (AutoCloseable simulator = factory.simulate(config).orElseThrow()) {
                Adapter adapter = factory.create(new AdapterContext("adapter_opcua_itest", "pump_01",
                        Classification.TELEMETRY, got::offer, Clock.systemUTC()), config);
                adapter.start();
                try {
                    Measurement m = got.poll(60, TimeUnit.SECONDS);
                    assertNotNull(m, () -> "no measurement; health " + adapter.health());
                    assertEquals("temp_c", m.parameter());
                    assertEquals("celsius", m.unit());
                    assertNotNull(m.timestamps().deviceTime(), "the source timestamp");
                    while (adapter.health().status() != AdapterStatus.HEALTHY && System.nanoTime() < deadline) {
                        TimeUnit.MILLISECONDS.sleep(10);
                    }
                    assertEquals(AdapterStatus.HEALTHY, adapter.health().status(), () -> adapter.health().toString());
                    assertTrue(Files.isRegularFile(Path.of(config.settings().get("pki_dir").toString(),
                            "client", "arcnode-opcua-client.p12")), "the client certificate is stored");
                } finally {
                    adapter.stop();
                }
            }
        } finally {
            tracker.close();
        }
    }
}
