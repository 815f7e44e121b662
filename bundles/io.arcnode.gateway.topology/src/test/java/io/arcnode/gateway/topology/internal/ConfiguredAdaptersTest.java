package io.arcnode.gateway.topology.internal;

import static io.arcnode.gateway.topology.internal.TestDtms.MODBUS;
import static io.arcnode.gateway.topology.internal.TestDtms.device;
import static io.arcnode.gateway.topology.internal.TestDtms.dtm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.adapter.Adapter;
import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.adapter.AdapterContext;
import io.arcnode.api.adapter.AdapterFactory;
import io.arcnode.api.adapter.AdapterHealth;
import io.arcnode.api.adapter.AdapterStatus;
import io.arcnode.api.adapter.ConfiguredAdapterFactory;
import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.ProtocolKind;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adapters of the gateway configuration beside the DTM's, their file, and SIM mode's simulators. */
class ConfiguredAdaptersTest {

    @TempDir
    Path dir;

    private final List<Measurement> published = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    /** A configured-adapter factory for type {@code opcua} that records what it does. */
    private final class OpcUaFake implements ConfiguredAdapterFactory {
        @Override
        public Set<String> adapterTypes() {
            return Set.of("opcua");
        }

        @Override
        public List<String> validate(AdapterConfig config) {
            return config.settings().containsKey("endpoint_url") ? List.of()
                    : List.of("endpoint_url: required");
        }

        @Override
        public Adapter create(AdapterContext context, AdapterConfig config) {
            return new Adapter() {
                @Override
                public String id() {
                    return context.adapterId();
                }

                @Override
                public void start() {
                    events.add("start " + id() + " asset " + context.assetId() + " " + context.classification());
                }

                @Override
                public void stop() {
                    events.add("stop " + id());
                }

                @Override
                public AdapterHealth health() {
                    return AdapterHealth.of(id(), AdapterStatus.HEALTHY, null);
                }
            };
        }

        @Override
        public Optional<AutoCloseable> simulate(AdapterConfig config) {
            events.add("simulate " + config.adapterId());
            return Optional.of(() -> events.add("simulator stopped " + config.adapterId()));
        }
    }

    /** A DTM factory whose simulators are recorded. */
    private final class ModbusFake implements AdapterFactory {
        final RecordingFactory inner = new RecordingFactory(ProtocolKind.MODBUS_TCP);

        @Override
        public ProtocolKind protocol() {
            return ProtocolKind.MODBUS_TCP;
        }

        @Override
        public Adapter create(AdapterContext context, Device device) {
            return inner.create(context, device);
        }

        @Override
        public Optional<AutoCloseable> simulate(Device device) {
            events.add("simulate port " + device.port());
            return Optional.of(() -> events.add("simulator stopped port " + device.port()));
        }
    }

    private static AdapterConfig entry(String id, Map<String, Object> settings) {
        return new AdapterConfig(id, "opcua", "pump_01", Classification.EVENT, settings, "a.yml: adapters[0]");
    }

    @Test
    void anEntryWithoutFactoryIsUnsupportedUntilItsFactoryArrivesAndAfterItLeaves() {
        AdapterManager manager = new AdapterManager(TestDtms.acking(published), Clock.systemUTC());
        manager.configure(List.of(entry("adapter_opcua_1", Map.of("endpoint_url", "opc.tcp://x:4840"))));
        AdapterManager.AdapterView v = manager.adapters().get(0);
        assertEquals(AdapterStatus.UNSUPPORTED_PROTOCOL, v.health().status());
        assertEquals(AdapterManager.Source.GATEWAY_CONFIG, v.source());
        assertNull(v.deviceUuid());
        assertEquals("opcua", v.protocol());
        assertTrue(v.health().reason().contains("adapter type opcua is not supported"), v.health().reason());

        OpcUaFake factory = new OpcUaFake();
        manager.addConfiguredFactory(factory);
        assertEquals(AdapterStatus.HEALTHY, manager.adapters().get(0).health().status());
        assertEquals(List.of("start adapter_opcua_1 asset pump_01 EVENT"), events);

        manager.removeConfiguredFactory(factory);
        assertEquals(AdapterStatus.UNSUPPORTED_PROTOCOL, manager.adapters().get(0).health().status());
        assertEquals("stop adapter_opcua_1", events.get(events.size() - 1));
        manager.close();
    }

    @Test
    void problemsNameTheEntryOriginAndKey() {
        AdapterManager manager = new AdapterManager(TestDtms.acking(published), Clock.systemUTC());
        OpcUaFake factory = new OpcUaFake();
        manager.addConfiguredFactory(factory);
        manager.configure(List.of(entry("adapter_opcua_1", Map.of())));
        assertEquals(List.of("a.yml: adapters[0].endpoint_url: required"), manager.problems());
        assertEquals(List.of("a.yml: adapters[0].endpoint_url: required"), manager.problems(factory));
        manager.close();
    }

    @Test
    void simModeStartsOnePeerPerLoopbackPortAndPerEntryAndStopsThemAtClose() {
        AdapterManager manager = new AdapterManager(TestDtms.acking(published), Clock.systemUTC(), Simulators.enabled());
        manager.addFactory(new ModbusFake());
        manager.addConfiguredFactory(new OpcUaFake());
        manager.reconcile(dtm("sim", device(1, "127.0.0.1", 15021, MODBUS), device(2, "localhost", 15021, MODBUS),
                device(3, "10.0.0.3", 502, MODBUS), device(4, "127.0.0.1", 15022, MODBUS)));
        manager.configure(List.of(entry("adapter_opcua_1", Map.of("endpoint_url", "opc.tcp://127.0.0.1:4840"))));
        assertEquals(List.of("simulate port 15021", "simulate port 15022", "simulate adapter_opcua_1"),
                events.stream().filter(e -> e.startsWith("simulate")).toList());
        events.clear();
        manager.close();
        assertEquals(List.of("simulator stopped port 15021", "simulator stopped port 15022",
                "simulator stopped adapter_opcua_1"), events.stream().filter(e -> e.startsWith("simulator")).toList());
    }

    @Test
    void withoutSimModeNothingIsSimulated() {
        AdapterManager manager = new AdapterManager(TestDtms.acking(published), Clock.systemUTC());
        manager.addFactory(new ModbusFake());
        manager.addConfiguredFactory(new OpcUaFake());
        manager.reconcile(dtm("sim", device(1, "127.0.0.1", 15021, MODBUS)));
        manager.configure(List.of(entry("adapter_opcua_1", Map.of("endpoint_url", "opc.tcp://127.0.0.1:4840"))));
        manager.close();
        assertEquals(List.of(), events.stream().filter(e -> e.startsWith("simulat")).toList());
    }

    @Test
    void loopbackHosts() {
        assertTrue(Simulators.loopback("127.0.0.1"));
        assertTrue(Simulators.loopback("127.1.2.3"));
        assertTrue(Simulators.loopback("LOCALHOST"));
        assertTrue(Simulators.loopback("::1"));
        assertEquals(false, Simulators.loopback("10.0.0.1"));
        assertEquals(false, Simulators.loopback("sim-compute-cdu.compute-01"));
        assertEquals(false, Simulators.loopback(""));
    }

    @Test
    void theFileGivesEntriesWithProtocolKeysInSettings() throws Exception {
        Path f = Files.writeString(dir.resolve("adapters.yml"), "adapters:\n"
                + "  - adapter_id: adapter_opcua_1\n    adapter_type: opcua\n    asset_id: pump_01\n"
                + "    classification: alarm\n    endpoint_url: opc.tcp://127.0.0.1:4840\n"
                + "    monitored_items:\n      - {node_id: \"ns=2;s=T\", parameter: t}\n"
                + "  - adapter_id: adapter_mqtt_1\n    adapter_type: mqtt\n    asset_id: line_1\n");
        List<AdapterConfig> entries = AdapterConfigFile.read(f, "adapters.yml");
        assertEquals(2, entries.size());
        AdapterConfig a = entries.get(0);
        assertEquals("adapter_opcua_1", a.adapterId());
        assertEquals(Classification.ALARM, a.classification());
        assertEquals(Set.of("endpoint_url", "monitored_items"), a.settings().keySet());
        assertEquals("adapters.yml: adapters[0]", a.origin());
        assertEquals(Classification.TELEMETRY, entries.get(1).classification());
    }

    @Test
    void everyProblemOfTheFileNamesFileKeyAndRule() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.yml"), "adapters:\n"
                + "  - adapter_id: a 1\n    adapter_type: profibus\n"
                + "  - adapter_id: b\n    adapter_type: mqtt\n    asset_id: x\n    classification: metric\n"
                + "  - adapter_id: b\n    adapter_type: mqtt\n    asset_id: 12\n"
                + "  - just a string\n");
        AdapterConfigFile.Invalid e = assertThrows(AdapterConfigFile.Invalid.class,
                () -> AdapterConfigFile.read(f, "bad.yml"));
        assertEquals(String.join("\n",
                "bad.yml: adapters[0].adapter_id: must be letters, digits, '_', '.' or '-' (got a 1)",
                "bad.yml: adapters[0].adapter_type: must be one of modbus_rtu, modbus_tcp, mqtt, opcua (got profibus)",
                "bad.yml: adapters[0].asset_id: required (a non-empty string)",
                "bad.yml: adapters[1].classification: must be telemetry, event or alarm (got metric)",
                "bad.yml: adapters[2].adapter_id: b is used by an earlier adapter",
                "bad.yml: adapters[2].asset_id: must be a string (got 12)",
                "bad.yml: adapters[3]: must be a map"), e.getMessage());
    }

    @Test
    void aMissingOrUnreadableFileIsNamed() throws Exception {
        assertEquals("nope.yml: file not found (gateway.adapters_file names no file)",
                assertThrows(AdapterConfigFile.Invalid.class,
                        () -> AdapterConfigFile.read(dir.resolve("nope.yml"), "nope.yml")).getMessage());
        Path f = Files.writeString(dir.resolve("y.yml"), "adapters: [\n");
        assertTrue(assertThrows(AdapterConfigFile.Invalid.class, () -> AdapterConfigFile.read(f, "y.yml"))
                .getMessage().startsWith("y.yml: invalid YAML at line "));
        Path g = Files.writeString(dir.resolve("g.yml"), "adapter: []\n");
        assertEquals("g.yml: adapter: unknown key (allowed: adapters)", assertThrows(AdapterConfigFile.Invalid.class,
                () -> AdapterConfigFile.read(g, "g.yml")).getMessage());
    }

    @Test
    void settingsResolveRelativeFilesAgainstTheProductRootAndValidateTheInitialDtm() throws Exception {
        Files.writeString(dir.resolve("fixtures.json"), TestDtms.text("sim", device(1, "127.0.0.1", 15021, MODBUS)));
        Files.writeString(dir.resolve("adapters.yml"), "adapters: []\n");
        GatewaySettings s = GatewaySettings.load(Map.of("initial_dtm", "fixtures.json", "adapters_file",
                "adapters.yml"), dir.toUri().toString());
        assertEquals(1, s.initialDtm().devices().size());
        assertEquals(dir.resolve("fixtures.json"), s.initialDtmFile());
        assertEquals(List.of(), s.adapters());

        Files.writeString(dir.resolve("broken.json"), TestDtms.text("sim", device(1, "127.0.0.1", 70000, MODBUS)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GatewaySettings.load(Map.of("initial_dtm", "broken.json"), dir.toUri().toString()));
        assertTrue(e.getMessage().startsWith("broken.json: devices[0].port"), e.getMessage());
        assertEquals("gone.json: file not found (gateway.initial_dtm names no file)",
                assertThrows(IllegalStateException.class, () -> GatewaySettings.load(Map.of("initial_dtm",
                        "gone.json"), dir.toUri().toString())).getMessage());
        assertNull(GatewaySettings.load(Map.of(), null).initialDtm());
    }
}
