package io.arcnode.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/arcnode gateway} on the demo stage starts the embedded broker as its own process (data and log under
 * the gateway's data directory), the gateway creates its topics there, and stopping the gateway stops the broker.
 */
class GatewayBrokerE2ETest {

    private static final List<String> TOPICS = List.of("telemetry.raw", "telemetry.clean", "telemetry.1s",
            "telemetry.1min", "telemetry.1hour", "events.raw", "events.clean", "alarms.raw", "alarms.clean",
            "dlq.telemetry", "dlq.events");

    @Test
    void demoGatewayRunsItsBrokerAndStopsItOnExit(@TempDir Path data) throws Exception {
        int port = Products.freePort();
        int kafkaPort = Products.freePort();
        Path customer = Products.streamOn(data, kafkaPort);
        Path log = data.resolve("console.log");
        Process p = Products.start("gateway", data, log, Map.of("CFG_CUSTOMER_PATH", customer.toString()),
                "--env", "demo", "--port", String.valueOf(port));
        try {
            Products.await("broker port " + kafkaPort + " open", Products.START_TIMEOUT, log, p,
                    () -> Products.open(kafkaPort));
            ProcessHandle broker = brokerProcess(p).orElseThrow();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort))) {
                Products.await("topics created", Products.START_TIMEOUT, log, p,
                        () -> topics(admin).containsAll(TOPICS));
                assertEquals(12, admin.describeTopics(List.of("telemetry.raw")).allTopicNames().get()
                        .get("telemetry.raw").partitions().size());
            }
            assertTrue(Files.isRegularFile(data.resolve("broker/kraft-logs/meta.properties")), "broker data under <data>/broker");
            assertTrue(Files.size(data.resolve("logs/broker.log")) > 0, "broker log under <data>/logs");

            p.destroy(); // SIGTERM to bin/arcnode only: it stops the gateway, then the broker
            Products.await("broker process gone", Products.START_TIMEOUT, log, null, () -> !broker.isAlive());
            Products.await("launcher exited", Products.START_TIMEOUT, log, null, () -> !p.isAlive());
            assertTrue(!Products.open(kafkaPort), "broker port closed");
        } finally {
            Products.stop(p);
        }
    }

    /** {@code stream.embedded: false}: the gateway runs alone against {@code bootstrap_servers}; no broker, no broker data. */
    @Test
    void externalStreamStartsNoBroker(@TempDir Path data) throws Exception {
        int port = Products.freePort();
        int kafkaPort = Products.freePort();
        Path customer = Files.writeString(data.resolve("cfg.customer.yml"),
                "stream:\n  embedded: false\n  bootstrap_servers: 127.0.0.1:" + kafkaPort + "\n");
        Path log = data.resolve("console.log");
        Process p = Products.start("gateway", data, log, Map.of("CFG_CUSTOMER_PATH", customer.toString()),
                "--env", "demo", "--port", String.valueOf(port));
        try {
            Products.await("gateway /health/ready == 200", Products.START_TIMEOUT, log, p,
                    () -> Products.statusOrZero(port, "/health/ready") == 200);
            assertTrue(brokerProcess(p).isEmpty(), "no broker process");
            assertTrue(!Files.exists(data.resolve("broker")), "no broker data");
            assertTrue(!Products.open(kafkaPort), "nothing listens on bootstrap_servers");
            Products.await("stream reports the missing broker", Products.START_TIMEOUT, log, p,
                    () -> Products.bodyOrEmpty(port, "/health").contains("not reachable"));
        } finally {
            Products.stop(p);
        }
    }

    private static Optional<ProcessHandle> brokerProcess(Process launcher) {
        return launcher.descendants()
                .filter(h -> h.info().commandLine().orElse("").contains("io.arcnode.broker.EmbeddedBroker"))
                .findFirst();
    }

    private static Set<String> topics(Admin admin) {
        try {
            return admin.listTopics().names().get();
        } catch (Exception e) {
            return Set.of();
        }
    }
}
