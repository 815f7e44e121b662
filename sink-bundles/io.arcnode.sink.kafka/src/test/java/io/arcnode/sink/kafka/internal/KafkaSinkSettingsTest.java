package io.arcnode.sink.kafka.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class KafkaSinkSettingsTest {

    static Map<String, Object> valid() {
        Map<String, Object> m = new HashMap<>();
        m.put("enabled", true);
        m.put("bootstrap_servers", "customer:9093");
        m.put("topics", "telemetry.clean, telemetry.1min,alarms.clean");
        m.put("topic_prefix", "site1.");
        m.put("topic_rename", "alarms.clean=site1-alarms");
        m.put("properties", "security.protocol=SASL_SSL; sasl.mechanism=SCRAM-SHA-512");
        m.put("batch_size", 500);
        m.put("timeout_ms", 30000);
        return m;
    }

    @Test
    void parsesTopicsMappingPropertiesAndSecrets() throws Exception {
        KafkaSinkSettings s = KafkaSinkSettings.from(valid(), "gw-1",
                n -> n.equals(KafkaSinkSettings.JAAS_SECRET) ? Optional.of("jaas-secret") : Optional.empty());
        assertEquals(List.of("telemetry.clean", "telemetry.1min", "alarms.clean"), s.topics());
        assertEquals("site1.telemetry.clean", s.targetTopic("telemetry.clean"));
        assertEquals("site1-alarms", s.targetTopic("alarms.clean"));
        assertEquals("SASL_SSL", s.properties().get("security.protocol"));
        assertEquals("SCRAM-SHA-512", s.properties().get("sasl.mechanism"));
        assertEquals("jaas-secret", s.properties().get("sasl.jaas.config"));
        assertFalse(s.properties().containsKey("ssl.truststore.password"));
        assertEquals(Duration.ofSeconds(30), s.timeout());
        assertEquals("arcnode.replication.gw-1.offsets", s.offsetsTopic());
        assertEquals("arcnode-replication-gw-1", s.transactionalId());
        assertFalse(s.toString().contains("jaas-secret"), s.toString());
    }

    @Test
    void eachBrokenRuleNamesKeyAndRule() {
        assertMessage("bootstrap_servers", null, "configuration key sink_kafka.bootstrap_servers: is required when");
        assertMessage("topics", "telemetry.clean,bad topic", "sink_kafka.topics: 'bad topic' is not a topic name");
        assertMessage("topic_rename", "other=x", "sink_kafka.topic_rename: 'other' is not one of sink_kafka.topics");
        assertMessage("topic_rename", "telemetry.clean", "sink_kafka.topic_rename: 'telemetry.clean' must be name=value");
        assertMessage("properties", "acks=1", "sink_kafka.properties: 'acks' is set by the sink itself");
        assertMessage("properties", "sasl.jaas.config=x", "sink_kafka.properties: 'sasl.jaas.config' is a secret");
        assertMessage("properties", "ssl.truststore.password=x", "'ssl.truststore.password' is a secret");
        assertMessage("properties", "a=1;a=2", "sink_kafka.properties: 'a' is given twice");
        assertMessage("batch_size", 0, "sink_kafka.batch_size: must be an integer between 1 and 10000");
        assertMessage("timeout_ms", 10, "sink_kafka.timeout_ms: must be an integer between 1000 and 300000");
        Exception e = assertThrows(KafkaSinkSettings.Invalid.class,
                () -> KafkaSinkSettings.from(valid(), "gw 1", n -> Optional.empty()));
        assertTrue(e.getMessage().startsWith("configuration key gateway.gateway_id: 'gw 1'"), e.getMessage());
    }

    @Test
    void disabledNeedsNoTarget() throws Exception {
        Map<String, Object> m = valid();
        m.put("enabled", false);
        m.put("bootstrap_servers", null);
        assertFalse(KafkaSinkSettings.from(m, "any id", n -> Optional.empty()).enabled());
    }

    @Test
    void theReplicaKeepsKeyValueTimestampAndHeadersAndAddsProvenance() throws Exception {
        KafkaSinkSettings s = KafkaSinkSettings.from(valid(), "gw-1", n -> Optional.empty());
        ConsumerRecord<String, byte[]> r = new ConsumerRecord<>("telemetry.clean", 7, 42L, "asset_1", new byte[] {1, 2});
        r.headers().add("trace", new byte[] {9});
        ProducerRecord<String, byte[]> p = new ReplicationWriter(s, new java.util.concurrent.atomic.AtomicLong())
                .replica(r);
        assertEquals("site1.telemetry.clean", p.topic());
        assertEquals(null, p.partition());
        assertEquals("asset_1", p.key());
        assertEquals(2, p.value().length);
        assertEquals(9, p.headers().lastHeader("trace").value()[0]);
        assertEquals("gw-1", text(p.headers().lastHeader(ReplicationWriter.GATEWAY_HEADER)));
        assertEquals("telemetry.clean", text(p.headers().lastHeader(ReplicationWriter.TOPIC_HEADER)));
        assertEquals("7", text(p.headers().lastHeader(ReplicationWriter.PARTITION_HEADER)));
        assertEquals("42", text(p.headers().lastHeader(ReplicationWriter.OFFSET_HEADER)));
    }

    @Test
    void offsetKeysRoundTrip() {
        TopicPartition tp = new TopicPartition("telemetry.clean", 11);
        assertEquals("telemetry.clean/11", ReplicationWriter.key(tp));
        assertEquals(tp, ReplicationWriter.parse(ReplicationWriter.key(tp)));
        assertEquals(null, ReplicationWriter.parse("no-partition"));
        assertEquals(null, ReplicationWriter.parse("t/x"));
    }

    private static String text(Header h) {
        return new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void assertMessage(String key, Object value, String expected) {
        Map<String, Object> m = valid();
        m.put(key, value);
        Exception e = assertThrows(KafkaSinkSettings.Invalid.class,
                () -> KafkaSinkSettings.from(m, "gw-1", n -> Optional.empty()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
