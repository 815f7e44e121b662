package io.arcnode.sink.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JdbcSinkSettingsTest {

    private static Map<String, Object> section() {
        Map<String, Object> m = new HashMap<>();
        m.put("enabled", true);
        m.put("table", "telemetry");
        m.put("batch_size", 500);
        m.put("topics", "telemetry.clean");
        return m;
    }

    @Test
    void withoutUrlTheH2FileUnderTheDataDir() throws Exception {
        JdbcSinkSettings s = JdbcSinkSettings.from(section(), "/var/arcnode/data", Optional.empty());
        assertTrue(s.enabled());
        assertEquals("jdbc:h2:file:" + Path.of("/var/arcnode/data/sink/telemetry") + ";DB_CLOSE_ON_EXIT=FALSE",
                s.target().url());
        assertEquals(Dialect.H2, s.target().dialect());
        assertNull(s.target().user());
        assertEquals(500, s.batchSize());
        assertEquals(List.of("telemetry.clean"), s.topics());
    }

    @Test
    void postgresWithUserPasswordAndTopics() throws Exception {
        Map<String, Object> m = section();
        m.put("url", "jdbc:postgresql://db:5432/ts");
        m.put("user", "arcnode");
        m.put("topics", "telemetry.clean, telemetry.other");
        JdbcSinkSettings s = JdbcSinkSettings.from(m, "data", Optional.of("pw"));
        assertEquals(Dialect.POSTGRESQL, s.target().dialect());
        assertEquals("arcnode", s.target().user());
        assertEquals("pw", s.target().password());
        assertFalse(s.target().toString().contains("pw"), "no password in logs or health");
        assertEquals(List.of("telemetry.clean", "telemetry.other"), s.topics());
    }

    @Test
    void brokenRulesNameTheKey() {
        Map<String, Object> table = section();
        table.put("table", "Telemetry; DROP");
        assertEquals("configuration key sink_jdbc.table: 'Telemetry; DROP' must be a lower-case SQL identifier"
                + " ([a-z_][a-z0-9_]{0,47})", assertThrows(JdbcSinkSettings.Invalid.class,
                        () -> JdbcSinkSettings.from(table, "data", Optional.empty())).getMessage());
        Map<String, Object> url = section();
        url.put("url", "jdbc:mysql://x/y");
        assertEquals("configuration key sink_jdbc.url: must be a jdbc:postgresql: or jdbc:h2: URL",
                assertThrows(JdbcSinkSettings.Invalid.class, () -> JdbcSinkSettings.from(url, "data",
                        Optional.empty())).getMessage());
        Map<String, Object> batch = section();
        batch.put("batch_size", 0);
        assertTrue(assertThrows(JdbcSinkSettings.Invalid.class, () -> JdbcSinkSettings.from(batch, "data",
                Optional.empty())).getMessage().startsWith("configuration key sink_jdbc.batch_size: "));
        Map<String, Object> topics = section();
        topics.put("topics", "telemetry.clean,,x");
        assertTrue(assertThrows(JdbcSinkSettings.Invalid.class, () -> JdbcSinkSettings.from(topics, "data",
                Optional.empty())).getMessage().startsWith("configuration key sink_jdbc.topics: '' is not a topic"));
    }
}
