package io.arcnode.protocol.opcua.internal;

import static io.arcnode.protocol.opcua.internal.Conditions.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.adapter.Adapter;
import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.adapter.AdapterContext;
import io.arcnode.api.adapter.AdapterHealth;
import io.arcnode.api.adapter.AdapterStatus;
import io.arcnode.api.adapter.MeasurementSink;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.protocol.opcua.internal.OpcUaSimulator.SimPoint;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter (Milo client) against the simulator (Milo server) over a real socket on 127.0.0.1. */
class OpcUaAdapterTest {

    private static final Instant DEVICE_TIME = Instant.parse("2026-01-29T09:59:58.500Z");
    private static final Instant GATEWAY_TIME = Instant.parse("2026-01-29T10:00:00.123Z");
    private static final Clock DEVICE_CLOCK = Clock.fixed(DEVICE_TIME, ZoneOffset.UTC);
    private static final Clock GATEWAY_CLOCK = Clock.fixed(GATEWAY_TIME, ZoneOffset.UTC);

    @TempDir
    Path pki;

    private final List<AutoCloseable> open = new ArrayList<>();

    /** Measurements received, in order; the adapter adds from Milo's threads. */
    static final class Collector extends CopyOnWriteArrayList<Measurement> implements MeasurementSink {
        private static final long serialVersionUID = 1L;

        @Override
        public void accept(Measurement m) {
            add(m);
        }

        /** @return the latest measurement of each parameter */
        Map<String, Measurement> latest() {
            Map<String, Measurement> byParameter = new LinkedHashMap<>();
            forEach(m -> byParameter.put(m.parameter(), m));
            return byParameter;
        }

        List<Double> values(String parameter) {
            return stream().filter(m -> m.parameter().equals(parameter)).map(Measurement::value).toList();
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private OpcUaSimulator simulator(int port, List<SimPoint> points) throws Exception {
        OpcUaSimulator s = OpcUaSimulator.start(port, "/arcnode", points, DEVICE_CLOCK);
        open.add(s);
        return s;
    }

    private static NodeId node(String id) {
        return NodeId.parse("ns=2;s=" + id);
    }

    private static Map<String, Object> item(String id, String parameter, Object... more) {
        Map<String, Object> m = new LinkedHashMap<>(OpcUaSettingsTest.item(more));
        m.put("node_id", "ns=2;s=" + id);
        m.put("parameter", parameter);
        m.putIfAbsent("sampling_interval_ms", 20);
        return m;
    }

    private Map<String, Object> entry(int port, List<Map<String, Object>> items, Object... more) {
        Map<String, Object> e = new LinkedHashMap<>(OpcUaSettingsTest.item(more));
        e.put("endpoint_url", "opc.tcp://127.0.0.1:" + port + "/arcnode");
        e.putIfAbsent("publishing_interval_ms", 50);
        e.putIfAbsent("backoff_initial_ms", 50);
        e.putIfAbsent("backoff_max_ms", 200);
        e.putIfAbsent("pki_dir", pki.toString());
        e.put("monitored_items", items);
        return e;
    }

    private OpcUaAdapterFactory factory() {
        return new OpcUaAdapterFactory(new OpcUaSettings.Defaults("none", Duration.ofMillis(1000),
                Duration.ofMillis(3000), 1, "first_use", Duration.ofMillis(1000), Duration.ofMillis(30000),
                pki.resolve("default")));
    }

    private Adapter adapter(String id, Map<String, Object> settings, MeasurementSink sink) {
        AdapterConfig config = new AdapterConfig(id, "opcua", "pump_01", Classification.TELEMETRY, settings,
                "test: adapters[0]");
        Adapter a = factory().create(new AdapterContext(id, "pump_01", Classification.TELEMETRY, sink,
                GATEWAY_CLOCK), config);
        open.add(0, a);
        return a;
    }

    private static AdapterHealth awaitStatus(Adapter a, AdapterStatus status) throws InterruptedException {
        return await("status " + status, a::health, h -> h.status() == status);
    }

    private static Measurement awaitValue(Collector c, String parameter, Predicate<Double> value)
            throws InterruptedException {
        return await(parameter + " value", () -> c.latest().get(parameter), m -> m != null && value.test(m.value()));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void valuesArriveWithTheSourceTimestampAsDeviceTime() throws Exception {
        OpcUaSimulator sim = simulator(0, List.of(SimPoint.of(node("Pump1.Temp"), t -> 20.5 + t),
                SimPoint.of(node("Pump1.Running"), t -> t % 2)));
        Collector c = new Collector();
        Adapter a = adapter("adapter_opcua_001", entry(sim.port(), List.of(
                item("Pump1.Temp", "temp_c", "unit", "celsius"),
                item("Pump1.Running", "running", "asset_id", "pump_02", "classification", "event"))), c);
        a.start();

        Measurement temp = awaitValue(c, "temp_c", v -> v == 20.5);
        assertEquals(DEVICE_TIME, temp.timestamps().deviceTime(), "device_time is the source timestamp");
        assertEquals(GATEWAY_TIME, temp.timestamps().gatewayTime(), "gateway_time is the gateway clock");
        assertEquals(Quality.GOOD, temp.quality());
        assertEquals("pump_01", temp.assetId());
        assertEquals("celsius", temp.unit());
        assertEquals(Classification.TELEMETRY, temp.classification());
        assertEquals(Map.of("adapter_id", "adapter_opcua_001", "adapter_version", OpcUaAdapter.VERSION),
                temp.metadata());
        Measurement running = awaitValue(c, "running", v -> v == 0);
        assertEquals("pump_02", running.assetId());
        assertEquals(Classification.EVENT, running.classification());

        sim.tick();
        awaitValue(c, "temp_c", v -> v == 21.5);
        awaitValue(c, "running", v -> v == 1);
        AdapterHealth h = awaitStatus(a, AdapterStatus.HEALTHY);
        assertNull(h.reason());
        assertEquals(GATEWAY_TIME, h.lastReadingAt());
        assertTrue(h.measurements() >= 4 && h.reads() >= h.measurements(), h::toString);
        assertEquals(List.of(20.5, 21.5), c.values("temp_c"), "one notification per change");
    }

    @Test
    void statusCodesBecomeQualityAndAMissingSourceTimeIsUncertain() throws Exception {
        OpcUaSimulator sim = simulator(0, List.of(
                SimPoint.of(node("Good"), t -> 1),
                new SimPoint(node("Uncertain"), t -> 2, t -> new StatusCode(StatusCodes.Uncertain_LastUsableValue),
                        true),
                new SimPoint(node("Bad"), t -> 3, t -> new StatusCode(StatusCodes.Bad_SensorFailure), true),
                new SimPoint(node("NoTime"), t -> 4, t -> StatusCode.GOOD, false)));
        Collector c = new Collector();
        Adapter a = adapter("adapter_opcua_002", entry(sim.port(), List.of(item("Good", "good"),
                item("Uncertain", "uncertain"), item("Bad", "bad"), item("NoTime", "no_time"))), c);
        a.start();

        Map<String, Measurement> last = await("all four values", c::latest, m -> m.size() == 4);
        assertEquals(Quality.GOOD, last.get("good").quality());
        assertEquals(Quality.UNCERTAIN, last.get("uncertain").quality());
        assertEquals(Quality.BAD, last.get("bad").quality());
        assertEquals(3, last.get("bad").value(), "a bad value is delivered with its quality");
        assertEquals(Quality.UNCERTAIN, last.get("no_time").quality(), "no source timestamp: UNCERTAIN");
        assertNull(last.get("no_time").timestamps().deviceTime());
        assertEquals(DEVICE_TIME, last.get("bad").timestamps().deviceTime());
    }

    @Test
    void basic256Sha256CreatesTheClientCertificateOnceAndReusesIt() throws Exception {
        OpcUaSimulator sim = simulator(0, List.of(SimPoint.of(node("T"), t -> 7 + t)));
        Path keyStore = pki.resolve(ClientPki.KEY_STORE);
        assertFalse(Files.exists(keyStore));
        Map<String, Object> secure = entry(sim.port(), List.of(item("T", "t")), "security_policy", "basic256sha256");

        Collector first = new Collector();
        Adapter a1 = adapter("adapter_opcua_sec1", secure, first);
        a1.start();
        awaitValue(first, "t", v -> v == 7);
        awaitStatus(a1, AdapterStatus.HEALTHY);
        a1.stop();
        assertTrue(Files.isRegularFile(keyStore), "the certificate is stored on first start");
        byte[] created = Files.readAllBytes(keyStore);
        Object fileKey = Files.readAttributes(keyStore, BasicFileAttributes.class).fileKey();
        Path pinned = pki.resolve("trusted").resolve("127.0.0.1_" + sim.port() + ".der");
        assertArrayEquals(sim.certificate().getEncoded(), Files.readAllBytes(pinned),
                "the server certificate is trusted on first use");

        sim.tick();
        Collector second = new Collector();
        Adapter a2 = adapter("adapter_opcua_sec2", secure, second);
        a2.start();
        awaitValue(second, "t", v -> v == 8);
        awaitStatus(a2, AdapterStatus.HEALTHY);

        assertArrayEquals(created, Files.readAllBytes(keyStore), "the second start reuses the stored certificate");
        assertEquals(fileKey, Files.readAttributes(keyStore, BasicFileAttributes.class).fileKey(), "same file");
        byte[] stored = ClientPki.loadOrCreate(pki).certificate().getEncoded();
        assertFalse(sim.clientCertificates().isEmpty(), "the server saw the client certificate");
        for (var presented : sim.clientCertificates()) {
            assertArrayEquals(stored, presented.getEncoded(), "both sessions presented the stored certificate");
        }
    }

    @Test
    void aServerCertificateThatChangedSinceFirstUseIsRejected() throws Exception {
        OpcUaSimulator sim = simulator(0, List.of(SimPoint.of(node("T"), t -> 1)));
        Path pinned = pki.resolve("trusted").resolve("127.0.0.1_" + sim.port() + ".der");
        Files.createDirectories(pinned.getParent());
        // a certificate trusted earlier for this endpoint: here, the client's own
        Files.write(pinned, ClientPki.loadOrCreate(pki).certificate().getEncoded());
        Collector c = new Collector();
        Adapter a = adapter("adapter_opcua_pin", entry(sim.port(), List.of(item("T", "t")),
                "security_policy", "basic256sha256"), c);
        a.start();

        AdapterHealth h = await("rejected", a::health, x -> x.errors() > 0 && x.reason() != null
                && x.reason().startsWith("cannot connect"));
        assertEquals(AdapterStatus.DEGRADED, h.status());
        assertTrue(h.reason().contains("Bad_SecurityChecksFailed"), h.reason());
        assertTrue(c.isEmpty());

        Files.delete(pinned);
        awaitValue(c, "t", v -> v == 1);
        awaitStatus(a, AdapterStatus.HEALTHY);
    }

    @Test
    void anAbsoluteDeadbandSuppressesSmallChanges() throws Exception {
        double[] steps = {100, 101, 102.5, 120, 121};
        OpcUaSimulator sim = simulator(0, List.of(SimPoint.of(node("Level"), t -> steps[(int) Math.min(t, 4)]),
                SimPoint.of(node("Raw"), t -> steps[(int) Math.min(t, 4)])));
        Collector c = new Collector();
        Adapter a = adapter("adapter_opcua_db", entry(sim.port(), List.of(
                item("Level", "level", "deadband", 5, "deadband_type", "absolute"), item("Raw", "raw"))), c);
        a.start();
        awaitValue(c, "level", v -> v == 100);
        for (int t = 1; t <= 4; t++) {
            sim.tick();
            double expected = steps[t];
            awaitValue(c, "raw", v -> v == expected);
        }
        awaitValue(c, "level", v -> v == 120);
        assertEquals(List.of(100.0, 101.0, 102.5, 120.0, 121.0), c.values("raw"), "without deadband every change");
        // the raw item saw 121, sampled in the same cycles: the level item had its chance to report it
        assertEquals(List.of(100.0, 120.0), c.values("level"), "within 5 of the last reported value: suppressed");
    }

    @Test
    void aServerThatGoesAwayIsDegradedAndTheAdapterRecoversByItself() throws Exception {
        OpcUaSimulator sim = simulator(0, List.of(SimPoint.of(node("T"), t -> 50 + t)));
        Collector c = new Collector();
        Adapter a = adapter("adapter_opcua_rc", entry(sim.port(), List.of(item("T", "t"))), c);
        a.start();
        awaitValue(c, "t", v -> v == 50);
        awaitStatus(a, AdapterStatus.HEALTHY);

        sim.stop();
        AdapterHealth down = awaitStatus(a, AdapterStatus.DEGRADED);
        assertTrue(down.reason().startsWith("session with " + sim.endpointUrl() + " lost, reconnecting"),
                down.reason());
        assertTrue(down.errors() >= 1);

        sim.tick();
        sim.restart();
        awaitStatus(a, AdapterStatus.HEALTHY);
        // the restarted server knows no subscription: the adapter created it again and data flows
        awaitValue(c, "t", v -> v == 51);
        sim.tick();
        awaitValue(c, "t", v -> v == 52);
        assertNull(a.health().reason());
    }

    @Test
    void aServerDownAtStartIsRetriedWithBackoff() throws Exception {
        int port = freePort();
        Collector c = new Collector();
        Adapter a = adapter("adapter_opcua_late", entry(port, List.of(item("T", "t"))), c);
        a.start();
        AdapterHealth h = await("a failed connect", a::health, x -> x.errors() >= 2);
        assertEquals(AdapterStatus.DEGRADED, h.status());
        assertTrue(h.reason().startsWith("cannot connect to opc.tcp://127.0.0.1:" + port + "/arcnode: "), h.reason());

        simulator(port, List.of(SimPoint.of(node("T"), t -> 9)));
        awaitValue(c, "t", v -> v == 9);
        awaitStatus(a, AdapterStatus.HEALTHY);
    }

    @Test
    void anUnknownNodeIsNamedInTheStatusAndTheOthersStillDeliver() throws Exception {
        OpcUaSimulator sim = simulator(0, List.of(SimPoint.of(node("Known"), t -> 5)));
        Collector c = new Collector();
        Adapter a = adapter("adapter_opcua_nn", entry(sim.port(), List.of(item("Known", "known"),
                item("Missing", "missing"))), c);
        a.start();
        awaitValue(c, "known", v -> v == 5);
        AdapterHealth h = await("the item problem", a::health, x -> x.reason() != null
                && x.reason().startsWith("monitored_items[1]"));
        assertEquals(AdapterStatus.DEGRADED, h.status());
        assertEquals("monitored_items[1] (ns=2;s=Missing) rejected by the server: Bad_NodeIdUnknown (0x80340000)",
                h.reason());
    }

    @Test
    void theFactorysSimulatorServesEveryItemOfTheEntry() throws Exception {
        int port = freePort();
        Map<String, Object> settings = entry(port, List.of(item("A", "a"), item("B", "b")));
        settings.put("monitored_items", List.of(item("A", "a"), item("B", "b"),
                Map.of("node_id", "ns=3;i=1001", "parameter", "c", "sampling_interval_ms", 20)));
        AdapterConfig config = new AdapterConfig("adapter_opcua_sim", "opcua", "pump_01", Classification.TELEMETRY,
                settings, "test: adapters[0]");
        OpcUaAdapterFactory f = factory();
        assertEquals(List.of(), f.validate(config));
        open.add(f.simulate(config).orElseThrow());
        Collector c = new Collector();
        Adapter a = adapter("adapter_opcua_sim", settings, c);
        a.start();
        Map<String, Measurement> last = await("a, b and c", c::latest, m -> m.size() == 3);
        // SimPoint.wave: 100 + index + |index % 20 - 10| at tick 0
        assertEquals(110, last.get("a").value());
        assertEquals(110, last.get("b").value());
        assertEquals(110, last.get("c").value());
        awaitStatus(a, AdapterStatus.HEALTHY);
    }

    @Test
    void anInvalidEntryGivesConfigErrorWithItsOrigin() {
        Collector c = new Collector();
        Adapter a = adapter("adapter_opcua_bad", Map.of("endpoint_url", "opc.tcp://h:4840",
                "monitored_items", List.of(Map.of("node_id", "nonsense", "parameter", "p"))), c);
        a.start();
        assertEquals(AdapterStatus.CONFIG_ERROR, a.health().status());
        assertEquals("test: adapters[0]: monitored_items[0].node_id: not a valid NodeId (e.g. ns=2;s=Pump1.Temp "
                + "or ns=2;i=1001): nonsense", a.health().reason());
        assertEquals(Quality.GOOD, OpcUaAdapter.quality(null), "an omitted status code is Good");
    }

    @Test
    void backoffDoublesUpToItsBound() {
        List<String> problems = new ArrayList<>();
        OpcUaSettings s = OpcUaSettings.parse(new AdapterConfig("x", "opcua", "a", Classification.TELEMETRY,
                entry(4840, List.of(item("T", "t"))), "test"), OpcUaSettingsTest.DEFAULTS, problems);
        assertEquals(List.of(), problems);
        assertEquals(List.of(50L, 100L, 200L, 200L, 200L), List.of(1, 2, 3, 4, 40).stream()
                .map(n -> OpcUaAdapter.backoff(s, n).toMillis()).toList());
    }
}
