package io.arcnode.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class FelixHttpTest {

    @Test
    void portAndHostComeFromTheHttpSection() {
        Map<String, Object> props = ConfigBootstrap.felixHttp(Map.of("port", 8081, "host", "127.0.0.1"), null);
        assertEquals("8081", props.get("org.osgi.service.http.port"));
        assertEquals("127.0.0.1", props.get("org.apache.felix.http.host"));
    }

    @Test
    void commandLinePortWins() {
        Map<String, Object> props = ConfigBootstrap.felixHttp(Map.of("port", 8081, "host", "0.0.0.0"), " 9090 ");
        assertEquals("9090", props.get("org.osgi.service.http.port"));
    }
}
