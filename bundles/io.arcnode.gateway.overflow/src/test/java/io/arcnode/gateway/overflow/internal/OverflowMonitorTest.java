package io.arcnode.gateway.overflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.stream.api.ProducerGate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tier table of spec 004 and what each tier does, against a fake broker and gate. */
class OverflowMonitorTest {

    private static final Instant NOW = Instant.parse("2026-01-29T12:00:00Z");

    /** A broker whose disk use the test sets; remembers every cut. */
    static final class FakeAdmin implements StreamAdmin {
        long used;
        final List<String> cuts = new ArrayList<>();

        @Override
        public DiskUsage usage() {
            return new DiskUsage(used, 1000, "test");
        }

        @Override
        public long deleteBefore(String topic, Instant cutoff) {
            cuts.add(topic + "<" + cutoff);
            return 7;
        }
    }

    static final class FakeGate implements ProducerGate {
        String reason;
        int unblocks;

        @Override
        public void block(String r) {
            reason = r;
        }

        @Override
        public void unblock() {
            reason = null;
            unblocks++;
        }

        @Override
        public Optional<String> blocked() {
            return Optional.ofNullable(reason);
        }
    }

    private final FakeAdmin admin = new FakeAdmin();
    private final FakeGate gate = new FakeGate();
    private final List<Measurement> alerts = new ArrayList<>();
    private final OverflowMonitor monitor = new OverflowMonitor(admin, gate, alerts::add, "gw-1",
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void tiersFollowTheSpecTable() {
        assertEquals(OverflowTier.NORMAL, OverflowTier.of(0.0));
        assertEquals(OverflowTier.NORMAL, OverflowTier.of(0.699));
        assertEquals(OverflowTier.ALERT, OverflowTier.of(0.70));
        assertEquals(OverflowTier.DOWNSAMPLE, OverflowTier.of(0.80));
        assertEquals(OverflowTier.EVICT, OverflowTier.of(0.90));
        assertEquals(OverflowTier.BLOCK, OverflowTier.of(0.95));
        assertEquals(OverflowTier.BLOCK, OverflowTier.of(1.3));
    }

    @Test
    void normalAndAlertDeleteNothingAndAlertOncePerChange() throws Exception {
        admin.used = 500;
        assertEquals(OverflowTier.NORMAL, monitor.check().tier());
        assertTrue(alerts.isEmpty(), "no change, no alert");
        admin.used = 750;
        OverflowMonitor.Check c = monitor.check();
        monitor.check();
        assertEquals(OverflowTier.ALERT, c.tier());
        assertTrue(admin.cuts.isEmpty());
        assertEquals(1, alerts.size(), "one alert per tier change, not per check");
        Measurement a = alerts.get(0);
        assertEquals(Classification.ALARM, a.classification());
        assertEquals("gw-1", a.assetId());
        assertEquals(1.0, a.value(), "raised");
        assertEquals("75.0", a.metadata().get("disk_percent"));
        assertEquals("MEDIUM", a.metadata().get("severity"));
        assertEquals("ACTIVE", a.metadata().get("alarm_state"));
    }

    @Test
    void downsampleDeletesFullResolutionOlderThanAnHourOnly() throws Exception {
        admin.used = 850;
        OverflowMonitor.Check c = monitor.check();
        assertEquals(OverflowTier.DOWNSAMPLE, c.tier());
        Instant hourAgo = NOW.minusSeconds(3600);
        assertEquals(List.of("telemetry.raw<" + hourAgo, "telemetry.clean<" + hourAgo), admin.cuts);
        assertEquals(Map.of("telemetry.raw", 7L, "telemetry.clean", 7L), c.evicted());
        assertFalse(c.blocked());
    }

    @Test
    void evictCutsFullResolutionFirstThenOneSecondAggregatesWhenStillFull() throws Exception {
        admin.used = 920;
        monitor.check();
        Instant tenMin = NOW.minusSeconds(600);
        assertEquals(List.of("telemetry.raw<" + tenMin, "telemetry.clean<" + tenMin), admin.cuts,
                "first check at 90 %: full resolution only");
        admin.cuts.clear();
        monitor.check();
        assertEquals(List.of("telemetry.raw<" + tenMin, "telemetry.clean<" + tenMin,
                "telemetry.1s<" + NOW.minusSeconds(3600)), admin.cuts, "still above 90 %: then 1 s aggregates");
        assertTrue(admin.cuts.stream().noneMatch(c -> c.startsWith("alarms") || c.startsWith("dlq")
                || c.startsWith("events") || c.startsWith("telemetry.1min") || c.startsWith("telemetry.1hour")),
                "critical and high priority topics are never cut");
        admin.cuts.clear();
        admin.used = 850;
        monitor.check();
        admin.used = 920;
        admin.cuts.clear();
        monitor.check();
        assertFalse(admin.cuts.stream().anyMatch(c -> c.startsWith("telemetry.1s")),
                "back below 90 % resets the escalation");
    }

    @Test
    void blockAbove95PercentAndUnblockBelow() throws Exception {
        admin.used = 960;
        OverflowMonitor.Check c = monitor.check();
        assertEquals(OverflowTier.BLOCK, c.tier());
        assertTrue(c.blocked());
        assertTrue(gate.reason.contains("96 % of"), gate.reason);
        assertEquals("CRITICAL", alerts.get(alerts.size() - 1).metadata().get("severity"));
        admin.used = 930;
        c = monitor.check();
        assertFalse(c.blocked());
        assertEquals(1, gate.unblocks);
        admin.used = 100;
        monitor.check();
        assertEquals(1, gate.unblocks, "unblocks only what it blocked");
        Measurement cleared = alerts.get(alerts.size() - 1);
        assertEquals("CLEARED", cleared.metadata().get("alarm_state"));
        assertEquals(0.0, cleared.value(), "cleared");
        assertEquals(OverflowTier.NORMAL, monitor.tier());
    }

    @Test
    void aFailedMeasurementChangesNothing() {
        OverflowMonitor broken = new OverflowMonitor(new StreamAdmin() {
            @Override
            public DiskUsage usage() {
                throw new IllegalStateException("broker away");
            }

            @Override
            public long deleteBefore(String topic, Instant cutoff) {
                throw new AssertionError("not reached");
            }
        }, gate, alerts::add, "gw-1", Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals("broker away", org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                broken::check).getMessage());
        assertEquals(OverflowTier.NORMAL, broken.tier());
        assertTrue(alerts.isEmpty());
    }
}
