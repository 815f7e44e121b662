package io.arcnode.sink.s3.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3SinkSettingsTest {

    private static Map<String, Object> defaults() {
        Map<String, Object> p = new HashMap<>();
        p.put("enabled", false);
        p.put("topics", "telemetry.clean, events.clean");
        p.put("bucket", "arcnode-telemetry");
        p.put("prefix", "gw1/raw");
        p.put("path_style", true);
        p.put("batch_size", 500);
        p.put("chunk_records", 5000);
        return p;
    }

    @Test
    void defaultsAreValid() throws Exception {
        S3SinkSettings s = S3SinkSettings.from(defaults(), Optional.empty(), Optional.empty());
        assertFalse(s.enabled());
        assertEquals(List.of("telemetry.clean", "events.clean"), s.topics());
        assertEquals("gw1/raw", s.prefix());
    }

    @Test
    void brokenRulesNameKeyAndRule() {
        Map<String, Object> p = defaults();
        p.put("prefix", "/lead");
        assertEquals("configuration key sink_s3.prefix: '/lead' must be path segments of A-Z a-z 0-9 _ . = -"
                + " separated by / without leading or trailing /",
                assertThrows(S3SinkSettings.Invalid.class, () -> S3SinkSettings.from(p, Optional.empty(),
                        Optional.empty())).getMessage());
        Map<String, Object> q = defaults();
        q.put("bucket", "Upper_Case");
        assertThrows(S3SinkSettings.Invalid.class, () -> S3SinkSettings.from(q, Optional.empty(), Optional.empty()));
        Map<String, Object> r = defaults();
        r.put("chunk_records", 0);
        assertEquals("configuration key sink_s3.chunk_records: must be an integer between 1 and 1000000",
                assertThrows(S3SinkSettings.Invalid.class, () -> S3SinkSettings.from(r, Optional.empty(),
                        Optional.empty())).getMessage());
        assertThrows(S3SinkSettings.Invalid.class, () -> S3SinkSettings.from(defaults(), Optional.of("id"),
                Optional.empty()));
    }
}
