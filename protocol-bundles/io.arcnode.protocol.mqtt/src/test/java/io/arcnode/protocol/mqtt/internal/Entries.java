package io.arcnode.protocol.mqtt.internal;

import io.arcnode.api.adapter.AdapterConfig;
import io.arcnode.api.telemetry.Classification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gateway configuration entries as the YAML loader gives them (maps, lists, strings, numbers), for tests. */
final class Entries {

    static final String ORIGIN = "/etc/arcnode/adapters.yml: adapters[0]";

    /** Short reconnect delays, so a test sees a reconnect in well under a second. */
    static final MqttSettings.Defaults FAST = new MqttSettings.Defaults(60, 5, true, 1,
            new MqttSettings.Reconnect(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMinutes(5)));

    private Entries() {
    }

    static AdapterConfig entry(Map<String, Object> settings) {
        return new AdapterConfig("adapter_mqtt_001", "mqtt", "cdu_01", Classification.TELEMETRY, settings, ORIGIN);
    }

    /** @return an entry for a broker on 127.0.0.1:{@code port} with {@code subscriptions} */
    static AdapterConfig entry(int port, List<Map<String, Object>> subscriptions) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("broker_url", "tcp://127.0.0.1:" + port);
        s.put("subscriptions", subscriptions);
        return entry(s);
    }

    /** @return a subscription map; {@code extra} is key, value, key, value ... */
    static Map<String, Object> subscription(String filter, int qos, List<Map<String, Object>> fields, Object... extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topic_filter", filter);
        m.put("qos", qos);
        m.put("fields", new ArrayList<>(fields));
        for (int i = 0; i < extra.length; i += 2) {
            m.put((String) extra[i], extra[i + 1]);
        }
        return m;
    }

    /** @return a field map; {@code extra} is key, value, key, value ... */
    static Map<String, Object> field(String pointer, String parameter, String unit, Object... extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pointer", pointer);
        m.put("parameter", parameter);
        m.put("unit", unit);
        for (int i = 0; i < extra.length; i += 2) {
            m.put((String) extra[i], extra[i + 1]);
        }
        return m;
    }

    static MqttSettings settings(AdapterConfig config) {
        List<String> problems = new ArrayList<>();
        MqttSettings s = MqttSettings.parse(config, FAST, problems);
        if (s == null) {
            throw new AssertionError("invalid test entry: " + problems);
        }
        return s;
    }
}
