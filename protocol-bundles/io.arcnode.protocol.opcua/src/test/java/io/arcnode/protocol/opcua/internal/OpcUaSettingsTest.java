package io.arcnode.protocol.opcua.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.telemetry.Classification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.junit.jupiter.api.Test;

class OpcUaSettingsTest {

    static final OpcUaSettings.Defaults DEFAULTS = new OpcUaSettings.Defaults("none", Duration.ofMillis(1000),
            Duration.ofMillis(5000), 1, "first_use", Duration.ofMillis(1000), Duration.ofMillis(30000),
            Path.of("/var/lib/arcnode/opcua/pki"));

    static AdapterConfig entry(Map<String, Object> settings) {
        return new AdapterConfig("adapter_opcua_001", "opcua", "pump_01", Classification.TELEMETRY, settings,
                "adapters.yml: adapters[0]");
    }

    static Map<String, Object> item(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static List<String> problems(Map<String, Object> settings) {
        List<String> problems = new ArrayList<>();
        OpcUaSettings s = OpcUaSettings.parse(entry(settings), DEFAULTS, problems);
        if (!problems.isEmpty()) {
            assertNull(s, "no settings with problems");
        }
        return problems;
    }

    @Test
    void aMinimalEntryGetsTheDefaults() {
        List<String> problems = new ArrayList<>();
        OpcUaSettings s = OpcUaSettings.parse(entry(Map.of("endpoint_url", "opc.tcp://plc-7:4840/ua",
                "monitored_items", List.of(item("node_id", "ns=2;s=Pump1.Temp", "parameter", "temp_c",
                        "unit", "celsius")))), DEFAULTS, problems);
        assertEquals(List.of(), problems);
        assertEquals("plc-7", s.host());
        assertEquals(4840, s.port());
        assertEquals(OpcUaSettings.Security.NONE, s.security());
        assertEquals(OpcUaSettings.Mode.NONE, s.mode());
        assertEquals(OpcUaSettings.Trust.FIRST_USE, s.serverTrust());
        assertEquals(Duration.ofMillis(1000), s.publishingInterval());
        assertEquals(Path.of("/var/lib/arcnode/opcua/pki"), s.pkiDir());
        OpcUaSettings.Item i = s.items().get(0);
        assertEquals("monitored_items[0]", i.key());
        assertEquals(NodeId.parse("ns=2;s=Pump1.Temp"), i.nodeId());
        assertEquals(1000, i.samplingInterval(), "sampling follows the publishing interval");
        assertEquals(1, i.queueSize());
        assertEquals(OpcUaSettings.DeadbandKind.NONE, i.deadbandKind());
        assertEquals("pump_01", i.target().assetId());
        assertEquals("celsius", i.target().unit());
        assertEquals(Classification.TELEMETRY, i.target().classification());
    }

    @Test
    void securityModeFollowsThePolicyAndItemsOverrideTheEntry() {
        List<String> problems = new ArrayList<>();
        OpcUaSettings s = OpcUaSettings.parse(entry(Map.of("endpoint_url", "opc.tcp://10.0.0.7:4840",
                "security_policy", "Basic256Sha256", "pki_dir", "/tmp/pki", "publishing_interval_ms", 250,
                "monitored_items", List.of(item("node_id", "ns=3;i=1001", "parameter", "alarm", "asset_id", "pump_02",
                        "classification", "alarm", "sampling_interval_ms", "100", "queue_size", 10, "deadband", 0.5),
                        item("node_id", "ns=3;i=1002", "parameter", "level", "deadband_type", "percent",
                                "deadband", 2)))),
                DEFAULTS, problems);
        assertEquals(List.of(), problems);
        assertEquals(OpcUaSettings.Security.BASIC256SHA256, s.security());
        assertEquals(OpcUaSettings.Mode.SIGN_AND_ENCRYPT, s.mode());
        assertEquals(Path.of("/tmp/pki"), s.pkiDir());
        OpcUaSettings.Item a = s.items().get(0);
        assertEquals("pump_02", a.target().assetId());
        assertEquals(Classification.ALARM, a.target().classification());
        assertEquals(100, a.samplingInterval());
        assertEquals(10, a.queueSize());
        assertEquals(OpcUaSettings.DeadbandKind.ABSOLUTE, a.deadbandKind(), "a deadband without a type is absolute");
        assertEquals(0.5, a.deadband());
        assertEquals(OpcUaSettings.DeadbandKind.PERCENT, s.items().get(1).deadbandKind());
        assertEquals(250, s.items().get(1).samplingInterval());
    }

    @Test
    void everyProblemIsOneLineKeyedRelativeToTheEntry() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("endpoint_url", "http://plc:80");
        bad.put("security_policy", "basic128");
        bad.put("publishing_interval_ms", 0);
        bad.put("request_timeout_ms", "soon");
        bad.put("server_trust", "maybe");
        bad.put("monitored_items", List.of(
                item("node_id", "ns=2;s=Ok", "parameter", "ok"),
                item("parameter", "no_node"),
                "not a map",
                item("node_id", "ns=x;q=1", "parameter", "p3", "sampling_interval_ms", -5, "queue_size", 0),
                item("node_id", "ns=2;s=Dup", "parameter", "ok", "classification", "metric", "deadband", -1),
                item("node_id", "ns=2;s=Pct", "parameter", "pct", "deadband_type", "percent", "deadband", 150),
                item("node_id", "ns=2;s=Kind", "parameter", "kind", "deadband_type", "relative")));
        assertEquals(List.of(
                "endpoint_url: must be opc.tcp://host:port[/path], is http://plc:80",
                "security_policy: must be one of none, basic256sha256, is basic128",
                "publishing_interval_ms: must be an integer >= 1, is 0",
                "request_timeout_ms: not a number: soon",
                "server_trust: must be one of first_use, any, is maybe",
                "monitored_items[1].node_id: required",
                "monitored_items[2]: must be a map",
                "monitored_items[3].node_id: not a valid NodeId (e.g. ns=2;s=Pump1.Temp or ns=2;i=1001): ns=x;q=1",
                "monitored_items[3].sampling_interval_ms: must be an integer >= 0, is -5",
                "monitored_items[3].queue_size: must be an integer >= 1, is 0",
                "monitored_items[4].classification: must be telemetry, event or alarm, is metric",
                "monitored_items[4].deadband: must be a finite number >= 0, is -1",
                "monitored_items[4].parameter: pump_01/ok is mapped twice",
                "monitored_items[5].deadband: must be 0..100 with deadband_type percent, is 150",
                "monitored_items[6].deadband_type: must be one of none, absolute, percent, is relative"),
                problems(bad));
    }

    @Test
    void requiredKeysAndSecurityCombinations() {
        assertEquals(List.of("endpoint_url: required", "monitored_items: at least one item is required"),
                problems(Map.of()));
        assertEquals(List.of("monitored_items: must be a list"),
                problems(Map.of("endpoint_url", "opc.tcp://h:4840", "monitored_items", "ns=2;s=A")));
        List<Object> one = List.of(item("node_id", "ns=2;s=A", "parameter", "a"));
        assertEquals(List.of("message_security_mode: must be none exactly with security_policy none, is sign"),
                problems(Map.of("endpoint_url", "opc.tcp://h:4840", "message_security_mode", "sign",
                        "monitored_items", one)));
        assertEquals(List.of("message_security_mode: must be none exactly with security_policy none, is none"),
                problems(Map.of("endpoint_url", "opc.tcp://h:4840", "security_policy", "basic256sha256",
                        "message_security_mode", "none", "monitored_items", one)));
        assertEquals(List.of("backoff_max_ms: must be >= backoff_initial_ms"),
                problems(Map.of("endpoint_url", "opc.tcp://h:4840", "backoff_initial_ms", 500, "backoff_max_ms", 100,
                        "monitored_items", one)));
        assertEquals(List.of("endpoint_url: must be opc.tcp://host:port[/path], is opc.tcp://h"),
                problems(Map.of("endpoint_url", "opc.tcp://h", "monitored_items", one)));
    }
}
