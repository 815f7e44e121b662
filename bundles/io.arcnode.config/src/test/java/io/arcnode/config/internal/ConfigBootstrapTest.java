package io.arcnode.config.internal;

import io.arcnode.config.api.ArcnodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ConfigAdmin publishing logic of the shell, against a minimal in-memory ConfigurationAdmin. */
class ConfigBootstrapTest {

    /** pid -> properties, plus counters. */
    static final class FakeCm {
        final Map<String, Hashtable<String, Object>> store = new HashMap<>();
        final Map<String, String> locations = new HashMap<>();
        int updates;

        ConfigurationAdmin admin() {
            return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ConfigurationAdmin.class}, (proxy, m, args) -> {
                        if (m.getName().equals("getConfiguration") && args.length == 2) {
                            String pid = (String) args[0];
                            locations.put(pid, (String) args[1]);
                            return configuration(pid);
                        }
                        throw new UnsupportedOperationException(m.getName());
                    });
        }

        Configuration configuration(String pid) {
            return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Configuration.class}, (proxy, m, args) -> {
                        switch (m.getName()) {
                            case "getProperties": {
                                Hashtable<String, Object> p = store.get(pid);
                                if (p == null) {
                                    return null;
                                }
                                Hashtable<String, Object> copy = new Hashtable<>(p);
                                copy.put("service.pid", pid);
                                return copy;
                            }
                            case "update": {
                                @SuppressWarnings("unchecked")
                                Dictionary<String, Object> d = (Dictionary<String, Object>) args[0];
                                Hashtable<String, Object> h = new Hashtable<>();
                                for (String k : java.util.Collections.list(d.keys())) {
                                    h.put(k, d.get(k));
                                }
                                store.put(pid, h);
                                updates++;
                                return null;
                            }
                            case "getPid":
                                return pid;
                            default:
                                throw new UnsupportedOperationException(m.getName());
                        }
                    });
        }
    }

    private static ArcnodeConfig load(Path dir, String customerYaml) throws IOException {
        Path d = dir.resolve("cfg.defaults.yml");
        Files.writeString(d, LayeredConfigLoaderTest.allStages());
        Path c = null;
        if (customerYaml != null) {
            c = dir.resolve("cfg.customer.yml");
            Files.writeString(c, customerYaml);
        }
        return new LayeredConfigLoader().load(d, "local", c, null);
    }

    @Test
    void publishesOnePidPerSectionAndOnlyUpdatesOnChange(@TempDir Path dir) throws IOException {
        FakeCm cm = new FakeCm();
        ArcnodeConfig cfg = load(dir, null);

        assertEquals(13, ConfigBootstrap.publish(cm.admin(), cfg));
        assertEquals(List.of("io.arcnode.artifact_store", "io.arcnode.email", "io.arcnode.gateway",
                "io.arcnode.http", "io.arcnode.logging", "io.arcnode.platform_db",
                "io.arcnode.sink_alertrouter", "io.arcnode.sink_http", "io.arcnode.sink_jdbc", "io.arcnode.sink_kafka",
                "io.arcnode.sink_s3", "io.arcnode.stream", "org.apache.felix.http"),
                cm.store.keySet().stream().sorted().toList());
        assertEquals("?", cm.locations.get("io.arcnode.http"));
        assertEquals(8081, cm.store.get("io.arcnode.http").get("port"));
        assertEquals("0.0.0.0", cm.store.get("io.arcnode.http").get("host"));
        assertFalse(cm.store.get("io.arcnode.artifact_store").containsKey("s3_endpoint_url"));

        assertEquals(0, ConfigBootstrap.publish(cm.admin(), cfg), "unchanged content is not re-published");
        assertEquals(13, cm.updates);
        assertEquals("8081", cm.store.get("org.apache.felix.http").get("org.osgi.service.http.port"));

        ArcnodeConfig changed = load(dir, "http:\n  port: 9999\n");
        assertEquals(2, ConfigBootstrap.publish(cm.admin(), changed), "io.arcnode.http and Felix HTTP");
        assertEquals(9999, cm.store.get("io.arcnode.http").get("port"));
        assertEquals("9999", cm.store.get("org.apache.felix.http").get("org.osgi.service.http.port"));
        assertEquals(15, cm.updates);
    }

    @Test
    void secretsNeverGoToConfigAdmin(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("cfg.defaults.yml");
        Files.writeString(d, LayeredConfigLoaderTest.allStages());
        Path s = dir.resolve("secrets.env");
        Files.writeString(s, "PLATFORM_DB_PASSWORD=topsecret\n");
        ArcnodeConfig cfg = new LayeredConfigLoader().load(d, "local", null, s);
        FakeCm cm = new FakeCm();
        ConfigBootstrap.publish(cm.admin(), cfg);
        assertFalse(cm.store.toString().contains("topsecret"), cm.store.toString());
        assertTrue(cm.store.get("io.arcnode.platform_db").containsKey("user"));
    }
}
