package io.arcnode.runtime.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.arcnode.api.adapter.Adapter;
import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.adapter.AdapterContext;
import io.arcnode.api.adapter.ConfiguredAdapterFactory;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import java.net.InetAddress;
import java.net.ServerSocket;
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
 * The MQTT factory of the gateway content, used through the adapter API only: registered as a
 * {@link ConfiguredAdapterFactory} for {@code mqtt}, its simulator (Moquette and netty wired inside Equinox) serves
 * an entry and its adapter (Paho) receives a measurement over a real socket.
 */
class MqttAdapterInOsgiTest {

    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(MqttAdapterInOsgiTest.class)
            .getBundleContext();

    @Test
    void factoryIsRegisteredAndItsAdapterReceivesFromItsSimulator() throws Exception {
        ServiceTracker<ConfiguredAdapterFactory, ConfiguredAdapterFactory> tracker =
                new ServiceTracker<>(CONTEXT, ConfiguredAdapterFactory.class, null);
        tracker.open();
        try {
            ConfiguredAdapterFactory factory = mqttFactory(tracker);
            assertNotNull(factory, "a ConfiguredAdapterFactory service for mqtt");
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            AdapterConfig entry = new AdapterConfig("adapter_mqtt_itest", "mqtt", "cdu_01", Classification.TELEMETRY,
                    Map.of("broker_url", "tcp://127.0.0.1:" + port, "subscriptions", List.of(Map.of(
                            "topic_filter", "plant/+/telemetry", "qos", 1, "timestamp_pointer", "/ts",
                            "fields", List.of(Map.of("pointer", "/temp", "parameter", "supply_temp_c",
                                    "unit", "celsius"))))),
                    "itest: adapters[0]");
            assertEquals(List.of(), factory.validate(entry));

            BlockingQueue<Measurement> got = new ArrayBlockingQueue<>(100);
            try (AutoCloseable simulator = factory.simulate(entry).orElseThrow();
                    Adapter adapter = factory.create(new AdapterContext("adapter_mqtt_itest", "cdu_01",
                            Classification.TELEMETRY, got::offer, Clock.systemUTC()), entry)) {
                adapter.start();
                Measurement m = got.poll(60, TimeUnit.SECONDS);
                assertNotNull(m, () -> "no measurement; health " + adapter.health());
                assertEquals("supply_temp_c", m.parameter());
                assertEquals("celsius", m.unit());
                assertEquals(Quality.GOOD, m.quality(), "the simulator sends the device time");
            }
        } finally {
            tracker.close();
        }
    }

    /** @return the factory for {@code mqtt} (other protocols register the same service), waiting for it */
    private static ConfiguredAdapterFactory mqttFactory(
            ServiceTracker<ConfiguredAdapterFactory, ConfiguredAdapterFactory> tracker) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Object[] services = tracker.getServices();
            if (services != null) {
                for (Object s : services) {
                    if (((ConfiguredAdapterFactory) s).adapterTypes().contains("mqtt")) {
                        return (ConfiguredAdapterFactory) s;
                    }
                }
            }
            tracker.waitForService(TimeUnit.SECONDS.toMillis(1));
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return null;
    }
}
