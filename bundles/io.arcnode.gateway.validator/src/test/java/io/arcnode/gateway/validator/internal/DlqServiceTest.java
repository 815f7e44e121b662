package io.arcnode.gateway.validator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plain parts of {@link DlqService}; the workflow runs against the real broker in the stream itest. */
class DlqServiceTest {

    @Test
    void findingsHeaderLinesBecomeFindings() {
        assertEquals(List.of(new Verdict.Finding("range", "value 95.0 outside 0.0..90.0"),
                new Verdict.Finding("clock_skew", "device time x is 60000 ms from gateway time y: far")),
                DlqService.parseFindings("range: value 95.0 outside 0.0..90.0\n"
                        + "clock_skew: device time x is 60000 ms from gateway time y: far"));
        assertEquals(List.of(), DlqService.parseFindings(null));
        assertEquals(List.of(new Verdict.Finding("odd", "")), DlqService.parseFindings("odd"));
    }

    @Test
    void ledgerEntriesRoundTripAndAnUnreadableOneStillCountsAsSent() {
        DlqService.Done d = new DlqService.Done("dlq.telemetry/3/17", "approved", "telemetry.clean", "APPROVED", "ops",
                Instant.parse("2026-01-29T10:00:00.123Z"));
        assertEquals(d, DlqService.parseLedger(d.id(), DlqService.ledgerValue(d)));
        DlqService.Done anonymous = new DlqService.Done("dlq.events/0/1", "reprocessed", "events.clean", "GOOD", null,
                Instant.parse("2026-01-29T10:00:00Z"));
        assertEquals(anonymous, DlqService.parseLedger(anonymous.id(), DlqService.ledgerValue(anonymous)));
        DlqService.Done garbage = DlqService.parseLedger("dlq.events/0/2", "{no".getBytes(StandardCharsets.UTF_8));
        assertEquals("dlq.events/0/2", garbage.id());
        assertEquals("unknown", garbage.action());
    }

    @Test
    void filtersSelectByTopicAssetRuleAndState() {
        Measurement m = new Measurement("cdu_01", "supply_temp", 95, "celsius", Quality.BAD, Classification.TELEMETRY,
                new Timestamps(Instant.EPOCH, Instant.EPOCH), Map.of());
        DlqService.Entry e = new DlqService.Entry("dlq.telemetry/0/1", "dlq.telemetry", 0, 1, "cdu_01", Instant.EPOCH,
                new byte[0], m, "BAD", Quality.GOOD, List.of(new Verdict.Finding("range", "too high")));
        DlqService.View open = new DlqService.View(e, null);
        DlqService.View sent = new DlqService.View(e, new DlqService.Done(e.id(), "approved", "telemetry.clean",
                "APPROVED", null, Instant.EPOCH));
        assertTrue(new DlqService.Filter(null, null, null, null).matches(open));
        assertTrue(new DlqService.Filter("dlq.telemetry", "cdu_01", "range", false).matches(open));
        assertFalse(new DlqService.Filter("dlq.events", null, null, null).matches(open));
        assertFalse(new DlqService.Filter(null, "cdu_02", null, null).matches(open));
        assertFalse(new DlqService.Filter(null, null, "finite", null).matches(open));
        assertFalse(new DlqService.Filter(null, null, null, false).matches(sent));
        assertTrue(new DlqService.Filter(null, null, null, true).matches(sent));
        DlqService.Entry junk = new DlqService.Entry("dlq.telemetry/0/2", "dlq.telemetry", 0, 2, "junk", Instant.EPOCH,
                new byte[0], null, "BAD", null, List.of(new Verdict.Finding("schema", "not a measurement")));
        assertTrue(new DlqService.Filter(null, "junk", "schema", null).matches(new DlqService.View(junk, null)),
                "a record that is no measurement is found by its key");
    }
}
