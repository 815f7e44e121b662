package io.arcnode.protocol.mqtt.internal;

import static io.arcnode.protocol.mqtt.internal.Entries.entry;
import static io.arcnode.protocol.mqtt.internal.Entries.field;
import static io.arcnode.protocol.mqtt.internal.Entries.subscription;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.adapter.Adapter;
import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.adapter.AdapterContext;
import io.arcnode.api.adapter.AdapterHealth;
import io.arcnode.api.adapter.AdapterStatus;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter (Paho) against the simulator's broker (Moquette) over a real TCP socket on 127.0.0.1. */
class MqttSubscriberAdapterTest {

    private static final Instant GATEWAY = Instant.parse("2026-01-29T10:00:00.500Z");
    private static final Instant DEVICE = Instant.parse("2026-01-29T09:59:59.250Z");
    private static final Clock GATEWAY_CLOCK = Clock.fixed(GATEWAY, ZoneOffset.UTC);
    private static final Clock DEVICE_CLOCK = Clock.fixed(DEVICE, ZoneOffset.UTC);

    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<Measurement> got = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private MqttSimulator simulator(int port, MqttSettings settings) throws Exception {
        MqttSimulator s = MqttSimulator.start(port, MqttSimulator.publications(settings), DEVICE_CLOCK);
        open.add(s);
        return s;
    }

    /** @return a started adapter, once its subscriptions are acknowledged by the broker */
    private MqttSubscriberAdapter subscribed(MqttSettings settings) throws Exception {
        MqttSubscriberAdapter a = new MqttSubscriberAdapter(settings, got::add, GATEWAY_CLOCK);
        open.add(a);
        a.start();
        Waiting.until("subscribed", () -> reason(a).startsWith("subscribed to"), a::health);
        return a;
    }

    private static String reason(Adapter a) {
        String r = a.health().reason();
        return r == null ? "" : r;
    }

    private List<Measurement> of(String parameter) {
        return got.stream().filter(m -> m.parameter().equals(parameter)).toList();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void wildcardFiltersDeliverMappedFieldsWithTheTopicLevelAsAsset() throws Exception {
        int port = freePort();
        MqttSettings settings = Entries.settings(entry(port, List.of(
                subscription("plant/+/+/telemetry", 1, List.of(
                        field("/temp", "supply_temp_c", "celsius"),
                        field("/pump/speed", "pump_speed_rpm", "rpm", "classification", "event")),
                        "asset_from_topic_level", 2),
                subscription("site/#", 0, List.of(field("/alarm/active", "leak", "", "asset_id", "room_1",
                        "classification", "alarm"))))));
        MqttSimulator sim = simulator(port, settings);
        MqttSubscriberAdapter a = subscribed(settings);

        sim.tick();
        Waiting.until("three measurements", () -> got.size() == 3, a::health);
        Measurement temp = of("supply_temp_c").get(0);
        assertEquals("cdu_01", temp.assetId(), "level 2 of plant/sim/cdu_01/telemetry");
        assertEquals(MqttSimulator.value(1, 0), temp.value());
        assertEquals("celsius", temp.unit());
        assertEquals(Classification.TELEMETRY, temp.classification());
        Measurement speed = of("pump_speed_rpm").get(0);
        assertEquals(MqttSimulator.value(1, 1), speed.value());
        assertEquals(Classification.EVENT, speed.classification());
        Measurement leak = of("leak").get(0);
        assertEquals("room_1", leak.assetId());
        assertEquals(Classification.ALARM, leak.classification());
        assertEquals(Map.of("adapter_id", "adapter_mqtt_001", "adapter_version", MqttSubscriberAdapter.VERSION),
                temp.metadata());

        sim.tick();
        Waiting.until("the second tick", () -> got.size() == 6, a::health);
        assertEquals(MqttSimulator.value(2, 0), of("supply_temp_c").get(1).value());
        assertTrue(MqttSimulator.value(2, 0) != MqttSimulator.value(1, 0), "values change with the tick");
        AdapterHealth h = a.health();
        assertEquals(AdapterStatus.HEALTHY, h.status());
        assertNull(h.reason());
        assertEquals(4, h.reads(), "messages");
        assertEquals(6, h.measurements());
        assertEquals(0, h.errors());
        assertEquals(GATEWAY, h.lastReadingAt());
    }

    @Test
    void aDeviceTimestampIsTheDeviceTimeAndItsAbsenceMakesTheQualityUncertain() throws Exception {
        int port = freePort();
        MqttSettings settings = Entries.settings(entry(port, List.of(
                subscription("stamped", 1, List.of(field("/v", "stamped_v", "u")), "timestamp_pointer", "/meta/time"),
                subscription("plain", 1, List.of(field("/v", "plain_v", "u"))))));
        MqttSimulator sim = simulator(port, settings);
        MqttSubscriberAdapter a = subscribed(settings);

        sim.tick();
        Waiting.until("both measurements", () -> got.size() == 2, a::health);
        Measurement stamped = of("stamped_v").get(0);
        assertEquals(DEVICE, stamped.timestamps().deviceTime());
        assertEquals(GATEWAY, stamped.timestamps().gatewayTime());
        assertEquals(Quality.GOOD, stamped.quality());
        Measurement plain = of("plain_v").get(0);
        assertNull(plain.timestamps().deviceTime());
        assertEquals(GATEWAY, plain.timestamps().gatewayTime());
        assertEquals(Quality.UNCERTAIN, plain.quality());

        sim.publish("stamped", "{\"meta\": {\"time\": 1769680800123}, \"v\": 5}".getBytes(UTF_8), 1);
        Waiting.until("the epoch-millis message", () -> of("stamped_v").size() == 2, a::health);
        assertEquals(Instant.ofEpochMilli(1769680800123L), of("stamped_v").get(1).timestamps().deviceTime());
    }

    @Test
    void subscriptionsAtQos0And1And2EachReceive() throws Exception {
        int port = freePort();
        MqttSettings settings = Entries.settings(entry(port, List.of(
                subscription("q/0", 0, List.of(field("/v", "q0", ""))),
                subscription("q/1", 1, List.of(field("/v", "q1", ""))),
                subscription("q/2", 2, List.of(field("/v", "q2", ""))))));
        MqttSimulator sim = simulator(port, settings);
        MqttSubscriberAdapter a = subscribed(settings);

        sim.tick();
        sim.tick();
        Waiting.until("two messages on every QoS", () -> of("q0").size() == 2 && of("q1").size() == 2
                && of("q2").size() == 2, a::health);
        assertEquals(List.of(MqttSimulator.value(1, 0), MqttSimulator.value(2, 0)),
                of("q2").stream().map(Measurement::value).toList(), "QoS 2: once each, in order");
        assertEquals(6, a.health().reads());
    }

    @Test
    void aBadPayloadIsCountedAndReportedAndTheAdapterKeepsRunning() throws Exception {
        int port = freePort();
        MqttSettings settings = Entries.settings(entry(port, List.of(
                subscription("cdu/+", 1, List.of(field("/temp", "temp", "celsius"))))));
        MqttSimulator sim = simulator(port, settings);
        MqttSubscriberAdapter a = subscribed(settings);

        sim.publish("cdu/x", "temp=21.5".getBytes(UTF_8), 1);
        Waiting.until("DEGRADED by the bad payload", () -> a.health().errors() == 1, a::health);
        AdapterHealth bad = a.health();
        assertEquals(AdapterStatus.DEGRADED, bad.status());
        assertTrue(bad.reason().startsWith("bad payload on cdu/x (1 so far): not JSON: "), bad.reason());

        sim.publish("cdu/y", "{\"pressure\": 2}".getBytes(UTF_8), 1);
        Waiting.until("the second bad payload", () -> a.health().errors() == 2, a::health);
        assertEquals("bad payload on cdu/y (2 so far): /temp: missing", a.health().reason());

        sim.tick();
        Waiting.until("HEALTHY with the next good message", () -> a.health().status() == AdapterStatus.HEALTHY,
                a::health);
        assertEquals(List.of(MqttSimulator.value(1, 0)), of("temp").stream().map(Measurement::value).toList());
        assertEquals(3, a.health().reads());
        assertEquals(2, a.health().errors());
    }

    @Test
    void aStoppedBrokerIsDegradedAndTheAdapterResubscribesWhenItIsBack() throws Exception {
        int port = freePort();
        MqttSettings settings = Entries.settings(entry(port, List.of(
                subscription("plant/+/telemetry", 2, List.of(field("/temp", "temp", "celsius"))))));
        MqttSimulator sim = simulator(port, settings);
        MqttSubscriberAdapter a = subscribed(settings);
        sim.tick();
        Waiting.until("HEALTHY", () -> a.health().status() == AdapterStatus.HEALTHY, a::health);

        sim.close();
        Waiting.until("DEGRADED after the broker stopped", () -> a.health().status() == AdapterStatus.DEGRADED,
                a::health);
        String lost = a.health().reason();
        assertTrue(lost.startsWith("connection to tcp://127.0.0.1:" + port + " lost: ")
                || lost.startsWith("cannot connect to tcp://127.0.0.1:" + port), lost);
        Waiting.until("a failed reconnect", () -> reason(a).startsWith("cannot connect to"), a::health);
        long errorsWhileDown = a.health().errors();
        assertTrue(errorsWhileDown >= 2, "the lost connection and a failed reconnect: " + a.health());

        MqttSimulator again = simulator(port, settings);
        // messages published before the adapter has resubscribed are lost: keep ticking until one arrives
        Waiting.until("HEALTHY again with data", () -> a.health().status() == AdapterStatus.HEALTHY, again::tick,
                a::health);
        assertTrue(of("temp").size() >= 2, "data after the restart: " + got);
        assertNull(a.health().reason());
    }

    @Test
    void theFactorySimulatorServesTheEntryAndClosingStopsIt() throws Exception {
        int port = freePort();
        AdapterConfig config = entry(port, List.of(subscription("plant/+/telemetry", 1,
                List.of(field("/temp", "temp", "celsius")), "timestamp_pointer", "/ts", "asset_from_topic_level", 1)));
        MqttAdapterFactory factory = new MqttAdapterFactory(Entries.FAST);
        AutoCloseable sim = factory.simulate(config).orElseThrow();
        open.add(sim);
        Adapter a = factory.create(new AdapterContext("adapter_mqtt_001", "cdu_01", Classification.TELEMETRY,
                got::add, GATEWAY_CLOCK), config);
        open.add(a);
        a.start();
        Waiting.until("a measurement from the ticking simulator", () -> !got.isEmpty(), a::health);
        Measurement m = got.get(0);
        assertEquals("cdu_01", m.assetId());
        assertEquals(Quality.GOOD, m.quality(), "the simulator writes the device time");

        sim.close();
        Waiting.until("DEGRADED once the simulator is closed", () -> a.health().status() == AdapterStatus.DEGRADED,
                a::health);
    }

    @Test
    void withoutABrokerForUnhealthyAfterTheStatusIsUnhealthy() throws Exception {
        int port = freePort(); // nothing listens there
        MqttSettings settings = Entries.settings(entry(port, List.of(subscription("a", 0, List.of(field("/v", "v", ""))))));
        Instant start = Instant.parse("2026-01-29T10:00:00Z");
        AtomicReference<Instant> now = new AtomicReference<>(start);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        MqttSubscriberAdapter a = new MqttSubscriberAdapter(settings, got::add, clock);
        open.add(a);
        a.start();
        Waiting.until("a failed connect", () -> reason(a).startsWith("cannot connect to tcp://127.0.0.1:" + port),
                a::health);
        assertEquals(AdapterStatus.DEGRADED, a.health().status());

        now.set(start.plus(Entries.FAST.reconnect().unhealthyAfter()).plusSeconds(1));
        Waiting.until("UNHEALTHY after unhealthy_after without a connection",
                () -> a.health().status() == AdapterStatus.UNHEALTHY, a::health);
        assertTrue(a.health().reason().startsWith("cannot connect to"), a.health().reason());
    }
}
