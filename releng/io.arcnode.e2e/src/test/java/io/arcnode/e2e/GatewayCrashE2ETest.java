package io.arcnode.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.stream.api.MeasurementAvro;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec 004 "Failure Modes": the gateway JVM killed with SIGKILL while a Modbus device (j2mod, in the test JVM) is
 * polled loses no reading the broker acknowledged. bin/arcnode stops the embedded broker when the gateway dies, so
 * the gateway is started again on the same data directory (its broker comes back from {@code <data>/broker}) and
 * {@code telemetry.raw} is read with a real Kafka consumer.
 */
class GatewayCrashE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEVICE = "00000000-0000-4000-8000-000000000001";
    private static final Pattern ACKED = Pattern.compile(
            "^arcnode_stream_acked_total\\{topic=\"telemetry\\.raw\"} ([0-9.eE+]+)$", Pattern.MULTILINE);

    @Test
    void killingTheGatewayJvmLosesNoAcknowledgedReading(@TempDir Path data) throws Exception {
        int port = Products.freePort();
        int kafkaPort = Products.freePort();
        Map<String, String> env = Map.of("CFG_CUSTOMER_PATH", Products.streamOn(data, kafkaPort).toString());
        Path log = data.resolve("console.log");
        Process p = Products.start("gateway", data, log, env, "--env", "demo", "--port", String.valueOf(port));
        ModbusSlave device = null;
        try {
            TopologyE2ETest.awaitTopologyServed(port, log, p);
            int modbusPort = Products.freePort();
            device = TopologyE2ETest.modbusServer(modbusPort, 42);
            assertEquals(200, TopologyE2ETest.post(port,
                    TopologyE2ETest.dtm(TopologyE2ETest.device(DEVICE, "127.0.0.1", modbusPort))).statusCode());
            Products.await("readings acknowledged by the broker", Duration.ofSeconds(60), log, p,
                    () -> ackedOnMetrics(port) >= 5);

            long ackedBeforeKill = ackedOnMetrics(port);
            Process first = p;
            ProcessHandle jvm = first.descendants()
                    .filter(h -> h.info().commandLine().orElse("").contains("org.eclipse.equinox.launcher"))
                    .findFirst().orElseThrow(() -> new AssertionError("no gateway JVM under " + first.pid()));
            assertTrue(jvm.destroyForcibly(), "SIGKILL sent to the gateway JVM " + jvm.pid());
            Products.await("bin/arcnode gone after the gateway JVM died (it stops its broker)", Products.START_TIMEOUT,
                    log, null, () -> !first.isAlive());
            device.close();
            device = null;

            p = Products.start("gateway", data, log, env, "--env", "demo", "--port", String.valueOf(port));
            Process again = p;
            Products.await("broker back on " + kafkaPort, Products.START_TIMEOUT, log, again,
                    () -> Products.open(kafkaPort));
            List<ConsumerRecord<String, byte[]>> records = readAll("telemetry.raw", "127.0.0.1:" + kafkaPort);

            assertTrue(ackedBeforeKill >= 5, "readings flowed before the kill: " + ackedBeforeKill);
            assertTrue(records.size() >= ackedBeforeKill,
                    records.size() + " records on telemetry.raw, " + ackedBeforeKill + " acknowledged before the kill");
            for (ConsumerRecord<String, byte[]> r : records) {
                Measurement m = MeasurementAvro.decode(r.value());
                assertEquals(DEVICE, m.assetId());
                assertEquals(r.key(), m.assetId(), "record key is asset_id");
                assertEquals("adapter_modbus_tcp_" + DEVICE, m.metadata().get("adapter_id"));
                assertEquals(42.0, m.value());
            }
        } finally {
            if (device != null) {
                device.close();
            }
            Products.stop(p);
        }
    }

    /** @return {@code arcnode_stream_acked_total{topic="telemetry.raw"}}, 0 while not scraped yet */
    private static long ackedOnMetrics(int port) {
        Matcher m = ACKED.matcher(Products.bodyOrEmpty(port, "/metrics"));
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    /** Every record of {@code topic}, from the beginning to the end offsets of its partitions. */
    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, String bootstrap) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            Awaitility.await("partitions of " + topic).atMost(Products.START_TIMEOUT).ignoreExceptions()
                    .until(() -> {
                        consumer.partitionsFor(topic, Duration.ofSeconds(5))
                                .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
                        return !partitions.isEmpty();
                    });
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> got = new ArrayList<>();
            Awaitility.await("all of " + topic + " read").atMost(Products.START_TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
            return got;
        }
    }
}
