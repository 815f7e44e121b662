package io.arcnode.protocol.mqtt.internal;

import static io.arcnode.protocol.mqtt.internal.Entries.entry;
import static io.arcnode.protocol.mqtt.internal.Entries.field;
import static io.arcnode.protocol.mqtt.internal.Entries.subscription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.adapter.Adapter;
import io.arcnode.api.adapter.AdapterContext;
import io.arcnode.api.adapter.AdapterStatus;
import io.arcnode.api.telemetry.Classification;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** validate() lines, defaults and CONFIG_ERROR: the entry's problems in the entry's terms. */
class MqttSettingsTest {

    private final MqttAdapterFactory factory = new MqttAdapterFactory(Entries.FAST);

    @Test
    void aValidEntryHasNoProblemsAndGetsTheDefaults() {
        var config = entry(1883, List.of(subscription("plant/+/telemetry", 2,
                List.of(field("/temp", "supply_temp_c", "celsius")), "timestamp_pointer", "/ts")));
        assertEquals(List.of(), factory.validate(config));
        assertEquals(Set.of("mqtt"), factory.adapterTypes());
        MqttSettings s = Entries.settings(config);
        assertEquals("tcp://127.0.0.1:1883", s.brokerUrl());
        assertEquals("adapter_mqtt_001", s.clientId());
        assertEquals(Duration.ofSeconds(60), s.keepAlive());
        assertEquals(Duration.ofSeconds(5), s.connectTimeout());
        assertTrue(s.cleanSession());
        MqttSettings.Subscription sub = s.subscriptions().get(0);
        assertEquals(2, sub.qos());
        assertEquals("/ts", sub.timestampPointer().toString());
        assertEquals(-1, sub.assetLevel());
        assertEquals("cdu_01", sub.fields().get(0).target().assetId());
        assertEquals(Classification.TELEMETRY, sub.fields().get(0).target().classification());
    }

    @Test
    void theEntryOverridesTheDefaultsAndTheDefaultPortIs1883() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("broker_url", "tcp://broker.plant.local");
        m.put("client_id", "gw-7");
        m.put("keep_alive_s", 15);
        m.put("connect_timeout_s", "3");
        m.put("clean_session", false);
        m.put("subscriptions", List.of(Map.of("topic_filter", "a/#", "fields",
                List.of(Map.of("pointer", "/v", "parameter", "p", "classification", "alarm", "asset_id", "pump_7")))));
        MqttSettings s = Entries.settings(entry(m));
        assertEquals("tcp://broker.plant.local:1883", s.brokerUrl());
        assertEquals("gw-7", s.clientId());
        assertEquals(Duration.ofSeconds(15), s.keepAlive());
        assertEquals(Duration.ofSeconds(3), s.connectTimeout());
        assertFalse(s.cleanSession());
        assertEquals(1, s.subscriptions().get(0).qos(), "the default QoS");
        MqttSettings.Field f = s.subscriptions().get(0).fields().get(0);
        assertEquals(Classification.ALARM, f.target().classification());
        assertEquals("pump_7", f.target().assetId());
        assertTrue(f.fixedAsset());
        assertEquals("", f.target().unit());
    }

    @Test
    void everyProblemIsOneLineWithTheKeyRelativeToTheEntry() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("broker_url", "ssl://broker:8883");
        m.put("password", "secret");
        m.put("keep_alive_s", -1);
        m.put("clean_session", "yes");
        m.put("subscriptions", List.of(
                subscription("plant/+/telemetry", 1, List.of(field("/temp", "t", "c"))),
                subscription("plant/#/x", 3, List.of(
                        field("temp", "t", "c"),
                        field("/ok", "", "c", "classification", "metric"),
                        Map.of("parameter", "p", "pointr", "/x")),
                        "timestamp_pointer", "ts", "asset_from_topic_level", 0),
                subscription("plant/+", 0, List.of(), "asset_from_topic_level", 0)));
        List<String> problems = factory.validate(entry(m));
        assertEquals(List.of(
                "broker_url: must be tcp://host:port (TLS and websockets are not supported)",
                "password: needs username",
                "keep_alive_s: must be 0..65535, is -1",
                "clean_session: must be true or false",
                "subscriptions[1].topic_filter: '#' must be the whole last level",
                "subscriptions[1].qos: must be 0..2, is 3",
                "subscriptions[1].timestamp_pointer: must start with '/'",
                "subscriptions[1].fields[0].pointer: must start with '/'",
                "subscriptions[1].fields[1].parameter: must not be blank",
                "subscriptions[1].fields[1].classification: must be telemetry, event or alarm",
                "subscriptions[1].fields[2].pointr: unknown key (known: asset_id, classification, parameter, pointer, unit)",
                "subscriptions[1].fields[2].pointer: required",
                "subscriptions[2].asset_from_topic_level: must name a '+' or '#' level of topic_filter (0-based)",
                "subscriptions[2].fields: must not be empty"), problems);
    }

    @Test
    void missingConnectionAndSubscriptionsAreReported() {
        assertEquals(List.of("broker_url: required", "subscriptions: required, a list of at least one"),
                factory.validate(entry(Map.of())));
    }

    @Test
    void createWithProblemsGivesAConfigErrorAdapterNamingOriginAndProblems() {
        Adapter a = factory.create(new AdapterContext("adapter_mqtt_001", "cdu_01", Classification.TELEMETRY,
                m -> { }, Clock.systemUTC()), entry(Map.of("broker_url", "tcp://h:1")));
        a.start();
        assertEquals(AdapterStatus.CONFIG_ERROR, a.health().status());
        assertEquals(Entries.ORIGIN + ": subscriptions: required, a list of at least one", a.health().reason());
        a.stop();
    }

    @Test
    void thePasswordIsNotInToString() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("broker_url", "tcp://h:1");
        m.put("username", "gw");
        m.put("password", "s3cr3t-value");
        m.put("subscriptions", List.of(subscription("a", 0, List.of(field("/v", "p", "u")))));
        MqttSettings s = Entries.settings(entry(m));
        assertEquals("s3cr3t-value", s.password());
        assertFalse(s.toString().contains("s3cr3t"), s.toString());
    }

    @Test
    void reconnectDelaysDoubleUpToTheCap() {
        MqttSettings.Reconnect r = Entries.FAST.reconnect();
        assertEquals(List.of(50L, 100L, 200L, 200L), List.of(r.delay(1).toMillis(), r.delay(2).toMillis(),
                r.delay(3).toMillis(), r.delay(30).toMillis()));
    }
}
