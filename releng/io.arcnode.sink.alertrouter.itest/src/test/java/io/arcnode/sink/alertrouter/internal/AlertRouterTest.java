package io.arcnode.sink.alertrouter.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.arcnode.api.health.HealthStatus;
import io.arcnode.sink.api.CircuitBreaker;
import io.arcnode.sink.api.KafkaDeadLetters;
import io.arcnode.sink.itest.StreamFixture;
import io.arcnode.stream.api.StreamTopics;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert router on the real embedded broker, sending to a real SMTP server (GreenMail) and a real HTTP server
 * (the JDK's), the digest interval on a clock the test moves.
 */
@Timeout(300)
class AlertRouterTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    /** One topic per test (each test's router reads its topic from the start); alarms.clean in the gateway. */
    private static final String TOPIC_A = StreamTopics.ALARMS_CLEAN + ".a";
    private static final String TOPIC_B = StreamTopics.ALARMS_CLEAN + ".b";
    private static final Instant T0 = Instant.parse("2026-01-29T10:00:00Z");

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        volatile Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    static Path dir;
    static StreamFixture stream;
    static Producer<String, byte[]> producer;

    HttpServer http;
    final List<String> hooks = new CopyOnWriteArrayList<>();
    volatile int hookStatus = 200;
    int smtpPort;
    GreenMail smtp;
    AlertRouter router;
    final TestClock clock = new TestClock();

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void startBroker() throws Exception {
        stream = new StreamFixture(dir.resolve("broker"));
        producer = stream.producer();
        stream.createTopics(TOPIC_A, TOPIC_B, "dlq.events");
    }

    @AfterAll
    static void stopBroker() {
        if (producer != null) {
            producer.close();
        }
        if (stream != null) {
            stream.close();
        }
    }

    @BeforeEach
    void startPeers() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/hook", ex -> {
            try (InputStream in = ex.getRequestBody()) {
                hooks.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            int status = hookStatus;
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        http.start();
        smtpPort = freePort();
    }

    @AfterEach
    void stopPeers() {
        if (router != null) {
            router.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        http.stop(0);
    }

    private GreenMail startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    private AlertRouter router(String topic, Path spool, Duration cooldown) throws Exception {
        String group = "arcnode-sink-alertrouter-" + topic;
        Path routes = dir.resolve(group + "-routes.yml");
        Files.writeString(routes, """
                destinations:
                  oncall: {webhook: "http://127.0.0.1:%d/hook", format: slack}
                  ops: {email: [ops@example.com]}
                routes:
                  - {severity: CRITICAL, destinations: [oncall, ops]}
                  - {severity: [MEDIUM, LOW], destinations: [ops], digest_interval: 15min}
                """.formatted(http.getAddress().getPort()));
        AlertRouter r = new AlertRouter(stream.bootstrap(), topic, group, 100, RoutingTable.read(routes), spool,
                Transports.smtp("arcnode@example.com", "127.0.0.1", smtpPort),
                new KafkaDeadLetters(producer, AlertRouter.NAME), new CircuitBreaker(Clock.systemUTC(), 5, cooldown),
                new CircuitBreaker(Clock.systemUTC(), 5, cooldown), clock, Duration.ofMillis(100), null);
        r.start();
        return r;
    }

    private static byte[] alarm(String asset, long seq, String id, String severity, String event, String to) {
        return ("{\"seq\": " + seq + ", \"alarm_id\": \"" + id + "\", \"asset_id\": \"" + asset + "\", \"parameter\":"
                + " \"supply_temp\", \"rule\": \"temp_high\", \"condition\": \"value >= 80.0\", \"severity\": \""
                + severity + "\", \"message\": \"supply temperature high\", \"state\": \"" + to + "\","
                + " \"transition\": {\"from\": null, \"to\": \"" + to + "\", \"event\": \"" + event + "\","
                + " \"at\": \"2026-01-29T10:00:01Z\", \"by\": \"condition\"}, \"history\": []}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void send(String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    @Test
    void criticalAtOnceLowInTheDigestAfterTheIntervalPoisonToTheDlq() throws Exception {
        startSmtp();
        router = router(TOPIC_A, dir.resolve("spool-a"), Duration.ofSeconds(1));
        send(TOPIC_A, "cdu_01", alarm("cdu_01", 1, "alm-a1", "CRITICAL", "raised", "ACTIVE"));
        send(TOPIC_A, "cdu_01", alarm("cdu_01", 2, "alm-a1", "CRITICAL", "ack", "ACKNOWLEDGED"));
        send(TOPIC_A, "cdu_02", alarm("cdu_02", 3, "alm-a2", "LOW", "raised", "ACTIVE"));
        send(TOPIC_A, "cdu_03", alarm("cdu_03", 4, "alm-a3", "MEDIUM", "raised", "ACTIVE"));
        send(TOPIC_A, "cdu_04", alarm("cdu_04", 5, "alm-a4", "HIGH", "raised", "ACTIVE"));
        send(TOPIC_A, "cdu_05", "{\"seq\": \"x\"".getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).until(() -> router.loop().recordsOut() + router.loop().deadLettered() == 6
                && router.loop().lag() == 0);
        assertEquals(1, hooks.size(), hooks.toString());
        JsonNode hook = new ObjectMapper().readTree(hooks.get(0));
        assertTrue(hook.get("text").asText().startsWith("[CRITICAL] ACTIVE cdu_01/supply_temp: supply temperature"
                + " high (alm-a1"), hook.toString());
        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage critical = smtp.getReceivedMessages()[0];
        assertEquals("[ArcNode CRITICAL] ACTIVE cdu_01/supply_temp: supply temperature high", critical.getSubject());
        assertEquals("ops@example.com", critical.getAllRecipients()[0].toString());
        assertEquals(2, router.pending());
        assertEquals(1, router.loop().deadLettered());
        List<ConsumerRecord<String, byte[]>> dead = stream.read("dlq.events");
        assertTrue(dead.stream().anyMatch(r -> new String(r.headers().lastHeader(KafkaDeadLetters.FINDINGS_HEADER)
                .value(), StandardCharsets.UTF_8).startsWith("sink_alertrouter: not decodable")));

        clock.now = T0.plus(Duration.ofMinutes(14));
        router.tick();
        assertEquals(1, smtp.getReceivedMessages().length); // not yet due
        clock.now = T0.plus(Duration.ofMinutes(15));
        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 2);
        MimeMessage digest = smtp.getReceivedMessages()[1];
        assertEquals("[ArcNode digest] 2 alarm change(s), [MEDIUM, LOW]", digest.getSubject());
        String body = GreenMailUtil.getBody(digest);
        assertTrue(body.contains("[LOW] ACTIVE cdu_02/supply_temp") && body.contains("[MEDIUM] ACTIVE cdu_03"), body);
        await().atMost(WAIT).until(() -> router.pending() == 0);
        assertEquals(HealthStatus.HEALTHY, router.health().status(), router.health().detail());
    }

    @Test
    void smtpDownOpensTheBreakerKeepsTheDigestAcrossARestartAndLosesNothing() throws Exception {
        Path spool = dir.resolve("spool-b");
        router = router(TOPIC_B, spool, Duration.ofSeconds(1));
        send(TOPIC_B, "cdu_11", alarm("cdu_11", 11, "alm-b1", "LOW", "raised", "ACTIVE"));
        send(TOPIC_B, "cdu_12", alarm("cdu_12", 12, "alm-b2", "LOW", "condition_cleared", "CLEARED"));
        await().atMost(WAIT).until(() -> router.pending() == 2 && router.loop().lag() == 0);

        // SMTP is not there: the critical alarm's mail fails, the loop retries through its breaker (webhook once)
        send(TOPIC_B, "cdu_13", alarm("cdu_13", 13, "alm-b3", "CRITICAL", "raised", "ACTIVE"));
        await().atMost(WAIT).until(() -> router.loop().breaker().timesOpened() >= 1);
        assertEquals(1, hooks.size());
        assertTrue(router.loop().lag() > 0);
        assertEquals(HealthStatus.DEGRADED, router.health().status());
        // the digest is due and fails too: kept
        clock.now = T0.plus(Duration.ofMinutes(15));
        await().atMost(WAIT).until(() -> router.digestBreaker().consecutiveFailures() >= 1);
        assertEquals(2, router.pending());
        assertTrue(router.health().detail().contains("digest breaker"), router.health().detail());

        // a restart while SMTP is still down: the digest comes back from the spool, the critical alarm from the stream
        router.close();
        router = router(TOPIC_B, spool, Duration.ofSeconds(1));
        assertEquals(2, router.pending());
        startSmtp();
        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 2);
        await().atMost(WAIT).until(() -> router.loop().lag() == 0 && router.pending() == 0);
        List<String> subjects = new java.util.ArrayList<>();
        String digestBody = null;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            subjects.add(m.getSubject());
            if (m.getSubject().startsWith("[ArcNode digest]")) {
                digestBody = GreenMailUtil.getBody(m);
            }
        }
        assertTrue(subjects.contains("[ArcNode CRITICAL] ACTIVE cdu_13/supply_temp: supply temperature high"),
                subjects.toString());
        assertTrue(subjects.contains("[ArcNode digest] 2 alarm change(s), [MEDIUM, LOW]"), subjects.toString());
        assertTrue(digestBody.contains("[LOW] ACTIVE cdu_11") && digestBody.contains("[LOW] CLEARED cdu_12"),
                digestBody);
        assertTrue(hooks.size() >= 1 && hooks.stream().allMatch(h -> h.contains("cdu_13")), hooks.toString());
    }
}
