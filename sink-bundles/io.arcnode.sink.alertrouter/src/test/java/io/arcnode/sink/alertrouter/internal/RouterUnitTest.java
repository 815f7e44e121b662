package io.arcnode.sink.alertrouter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.sink.api.SinkException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterUnitTest {

    static final String TABLE = """
            destinations:
              oncall: {webhook: "http://127.0.0.1:9/hook", format: json}
              ops: {email: [ops@example.com]}
            routes:
              - {severity: CRITICAL, destinations: [oncall, ops]}
              - {severity: [MEDIUM, LOW], destinations: [ops], digest_interval: 15min}
            """;

    /** Records what would be sent; fails the first {@code failures} calls. */
    static class Recorder implements Deliveries {
        final List<String> sent = new ArrayList<>();
        int failures;

        @Override
        public void post(RoutingTable.Webhook to, String json) throws SinkException {
            call("post " + to.name() + " " + json);
        }

        @Override
        public void mail(RoutingTable.Email to, String subject, String text) throws SinkException {
            call("mail " + to.name() + " " + subject + "\n" + text);
        }

        private void call(String what) throws SinkException {
            if (failures > 0) {
                failures--;
                throw SinkException.retryable("down", null);
            }
            sent.add(what);
        }
    }

    static byte[] alarm(long seq, String id, String severity, String event, String to) {
        return ("{\"seq\": " + seq + ", \"alarm_id\": \"" + id + "\", \"asset_id\": \"cdu_01\", \"parameter\": \"p\","
                + " \"rule\": \"r\", \"condition\": \"value >= 80.0\", \"severity\": \"" + severity + "\","
                + " \"message\": \"too hot\", \"state\": \"" + to + "\", \"transition\": {\"from\": null, \"to\": \""
                + to + "\", \"event\": \"" + event + "\", \"at\": \"2026-01-29T10:00:01Z\", \"by\": \"condition\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static RoutingTable table() throws Exception {
        return RoutingTable.parse("routes.yml",
                new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                        .readValue(TABLE, Object.class));
    }

    @Test
    void tableParsesAndBadTablesNameFileKeyAndRule(@TempDir Path dir) throws Exception {
        RoutingTable t = table();
        assertEquals(2, t.routes().size());
        assertEquals(Duration.ofMinutes(15), t.matching(Severity.LOW).get(0).digestInterval());
        assertTrue(t.matching(Severity.HIGH).isEmpty());
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, TABLE.replace("oncall, ops]", "oncall, pager]"));
        assertEquals(bad + ": routes[0].destinations: 'pager' is not a destination of destinations [oncall, ops]",
                assertThrows(RoutingTable.Invalid.class, () -> RoutingTable.read(bad)).getMessage());
        Files.writeString(bad, TABLE.replace("15min", "15 fortnights"));
        assertTrue(assertThrows(RoutingTable.Invalid.class, () -> RoutingTable.read(bad)).getMessage()
                .contains("routes[1].digest_interval: '15 fortnights' must be <n>s, <n>min or <n>h"));
        Files.writeString(bad, TABLE.replace("CRITICAL", "URGENT"));
        assertTrue(assertThrows(RoutingTable.Invalid.class, () -> RoutingTable.read(bad)).getMessage()
                .contains("routes[0].severity: 'URGENT' is not one of CRITICAL, HIGH, MEDIUM, LOW"));
        Files.writeString(bad, TABLE.replace("format: json", "format: xml"));
        assertTrue(assertThrows(RoutingTable.Invalid.class, () -> RoutingTable.read(bad)).getMessage()
                .contains("destinations.oncall.format: 'xml' must be slack or json"));
    }

    @Test
    void criticalGoesOutAtOnceAndARetryDoesNotResendReachedDestinations(@TempDir Path dir) throws Exception {
        RoutingTable t = table();
        Recorder r = new Recorder();
        AtomicLong skipped = new AtomicLong();
        Map<String, DigestSpool> spools = Map.of(t.routes().get(1).name(), new DigestSpool(dir, t.routes().get(1)));
        AlertRouterWriter w = new AlertRouterWriter(t, spools, r, Clock.systemUTC(), skipped, new AtomicLong());
        AlarmNotice critical = AlarmNotice.decode(alarm(1, "alm-1", "CRITICAL", "raised", "ACTIVE"));
        AlarmNotice ack = AlarmNotice.decode(alarm(2, "alm-1", "CRITICAL", "ack", "ACKNOWLEDGED"));
        r.sent.clear();
        // webhook succeeds, mail fails: the retry sends only the mail
        Recorder failingMail = new Recorder() {
            boolean mailFailed;

            @Override
            public void mail(RoutingTable.Email to, String subject, String text) throws SinkException {
                if (!mailFailed) {
                    mailFailed = true;
                    throw SinkException.retryable("smtp down", null);
                }
                super.mail(to, subject, text);
            }
        };
        AlertRouterWriter w2 = new AlertRouterWriter(t, spools, failingMail, Clock.systemUTC(), skipped,
                new AtomicLong());
        assertThrows(SinkException.class, () -> w2.write(List.of(critical, ack)));
        w2.write(List.of(critical, ack));
        assertEquals(2, failingMail.sent.size(), failingMail.sent.toString());
        assertTrue(failingMail.sent.get(0).startsWith("post oncall {\"text\":\"[CRITICAL] ACTIVE cdu_01/p: too hot"));
        assertTrue(failingMail.sent.get(0).contains("\"alarm\":{\"seq\":1"));
        assertTrue(failingMail.sent.get(1).startsWith("mail ops [ArcNode CRITICAL] ACTIVE cdu_01/p: too hot"));
        assertEquals(1, skipped.get()); // the ack: the failed attempt stopped before it
        w.write(List.of(critical));
        assertEquals(2, r.sent.size());
    }

    @Test
    void digestsWaitForTheirIntervalSurviveARestartAndAreKeptWhileSendingFails(@TempDir Path dir) throws Exception {
        RoutingTable t = table();
        RoutingTable.Route route = t.routes().get(1);
        Instant t0 = Instant.parse("2026-01-29T10:00:00Z");
        DigestSpool spool = new DigestSpool(dir, route);
        AlertRouterWriter w = new AlertRouterWriter(t, Map.of(route.name(), spool), new Recorder(),
                Clock.fixed(t0, ZoneOffset.UTC), new AtomicLong(), new AtomicLong());
        w.write(List.of(AlarmNotice.decode(alarm(1, "alm-1", "LOW", "raised", "ACTIVE")),
                AlarmNotice.decode(alarm(2, "alm-2", "MEDIUM", "raised", "ACTIVE"))));
        w.write(List.of(AlarmNotice.decode(alarm(2, "alm-2", "MEDIUM", "raised", "ACTIVE")))); // a replay
        assertEquals(2, spool.size());
        assertFalse(spool.due(t0.plus(Duration.ofMinutes(14))));

        DigestSpool again = new DigestSpool(dir, route); // a restart
        assertEquals(2, again.size());
        assertEquals(t0, again.windowStart());
        assertTrue(again.due(t0.plus(Duration.ofMinutes(15))));
        Recorder r = new Recorder();
        r.failures = 1;
        assertThrows(SinkException.class, () -> again.send(r));
        assertEquals(2, new DigestSpool(dir, route).size());
        again.send(r);
        assertEquals(1, r.sent.size());
        assertTrue(r.sent.get(0).startsWith("mail ops [ArcNode digest] 2 alarm change(s)"), r.sent.get(0));
        assertTrue(r.sent.get(0).contains("[LOW] ACTIVE cdu_01/p: too hot (alm-1"));
        assertEquals(0, again.size());
        assertEquals(0, new DigestSpool(dir, route).size());
    }

    @Test
    void badRecordsNameTheField() {
        assertEquals("alarm record field severity: 'BAD' is not one of CRITICAL, HIGH, MEDIUM, LOW",
                assertThrows(IllegalArgumentException.class,
                        () -> AlarmNotice.decode(alarm(1, "a", "BAD", "raised", "ACTIVE"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> AlarmNotice.decode("{".getBytes(StandardCharsets.UTF_8)));
        assertTrue(AlarmNotice.decode(alarm(3, "a", "LOW", "condition_cleared", "CLEARED")).routed());
        assertFalse(AlarmNotice.decode(alarm(3, "a", "LOW", "suppress", "SUPPRESSED")).routed());
    }
}
