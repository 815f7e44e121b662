package io.arcnode.gateway.aggregator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import io.arcnode.stream.api.Aggregate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WindowingTest {

    private static final Instant T0 = Instant.parse("2026-01-29T10:00:00Z");
    private final AggregatorStats stats = new AggregatorStats(Clock.fixed(T0, ZoneOffset.UTC));

    private static Measurement at(String asset, long ms, double value) {
        return reading(asset, "p", ms, value, Quality.GOOD);
    }

    private static Measurement reading(String asset, String parameter, long ms, double value, Quality q) {
        Instant t = T0.plusMillis(ms);
        return new Measurement(asset, parameter, value, "bar", q, Classification.TELEMETRY,
                new Timestamps(t, t.plusMillis(7)), Map.of());
    }

    private static AggregatorSettings only(Set<Resolution> rs, long latenessMs, int maxOpen) {
        return new AggregatorSettings(List.of(new Pipeline("*", "*", rs)), Duration.ofMillis(latenessMs), maxOpen,
                Duration.ZERO);
    }

    private Windowing seconds(long latenessMs) {
        return new Windowing(only(EnumSet.of(Resolution.SECOND), latenessMs, 1000), stats);
    }

    private static List<Aggregate> aggregates(List<Windowing.Closed> closed) {
        return closed.stream().map(Windowing.Closed::aggregate).toList();
    }

    @Test
    void aWindowHoldsAvgMinMaxCountFirstLastAndClosesAtItsEndPlusTheLateness() {
        Windowing w = seconds(500);
        assertEquals(List.of(), w.add(0, at("a", 100, 4)));
        assertEquals(List.of(), w.add(0, at("a", 400, 1)));
        assertEquals(List.of(), w.add(0, at("a", 999, 7)));
        assertEquals(List.of(), w.add(0, at("a", 1499, 2)), "watermark 1.499 s < end 1 s + 0.5 s: still open");
        List<Aggregate> out = aggregates(w.add(0, at("a", 1500, 3)));
        assertEquals(1, out.size());
        Aggregate a = out.get(0);
        assertEquals("a", a.assetId());
        assertEquals("p", a.parameter());
        assertEquals("bar", a.unit());
        assertEquals("1s", a.resolution());
        assertEquals(T0, a.windowStart());
        assertEquals(T0.plusSeconds(1), a.windowEnd());
        assertEquals(3, a.count());
        assertEquals(4.0, a.avg());
        assertEquals(1.0, a.min());
        assertEquals(7.0, a.max());
        assertEquals(4.0, a.first());
        assertEquals(T0.plusMillis(100), a.firstTime());
        assertEquals(7.0, a.last());
        assertEquals(T0.plusMillis(999), a.lastTime());
        assertEquals(3, a.good());
        assertEquals(1, w.openWindows(), "[1 s, 2 s) is open");
    }

    @Test
    void startIsInclusiveEndExclusiveAndWindowsAreAlignedToTheEpoch() {
        Windowing w = new Windowing(only(EnumSet.allOf(Resolution.class), 0, 1000), stats);
        List<Aggregate> out = new ArrayList<>(aggregates(w.add(0, at("a", 59_999, 1))));
        out.addAll(aggregates(w.add(0, at("a", 60_000, 2)))); // next second and minute: closes [59 s, 60 s), [0, 60 s)
        out.addAll(aggregates(w.add(0, at("a", 3_600_000, 3))));
        assertEquals(List.of("1s " + T0.plusMillis(59_000), "1min " + T0, "1s " + T0.plusSeconds(60),
                "1min " + T0.plusSeconds(60), "1h " + T0), out.stream().map(a -> a.resolution() + " "
                        + a.windowStart()).toList());
        assertEquals(1, out.get(1).count());
        assertEquals(2, out.get(4).count());
        assertEquals(Instant.parse("2026-01-29T10:00:00Z"), Instant.ofEpochMilli(
                Resolution.HOUR.windowStart(T0.plusSeconds(1799).toEpochMilli())));
        assertEquals(-60_000, Resolution.MINUTE.windowStart(-1), "floor, also before the epoch");
    }

    @Test
    void outOfOrderReadingsWithinTheLatenessCountAndFirstLastFollowEventTime() {
        Windowing w = seconds(2000);
        w.add(0, at("a", 900, 9));
        w.add(0, at("a", 1200, 12)); // next window; watermark 1.2 s
        w.add(0, at("a", 100, 1));   // older than the watermark, its window still open
        w.add(0, at("a", 500, 5));
        List<Aggregate> out = aggregates(w.add(0, at("a", 3000, 30)));
        Aggregate a = out.get(0);
        assertEquals(3, a.count());
        assertEquals(1.0, a.first());
        assertEquals(9.0, a.last());
        assertEquals(5.0, a.avg());
        assertEquals(0, stats.late(Resolution.SECOND));
    }

    @Test
    void tiesKeepTheFirstReadAsFirstAndTheLastReadAsLast() {
        Windowing w = seconds(0);
        w.add(0, at("a", 100, 1));
        w.add(0, at("a", 100, 2));
        w.add(0, at("a", 100, 3));
        Aggregate a = aggregates(w.add(0, at("a", 1000, 0))).get(0);
        assertEquals(1.0, a.first());
        assertEquals(3.0, a.last());
    }

    @Test
    void aReadingLaterThanEndPlusLatenessIsCountedLateAndNoWindowIsEmittedTwice() {
        Windowing w = seconds(500);
        w.add(0, at("a", 100, 1));
        assertEquals(1, w.add(0, at("a", 1600, 2)).size());
        assertEquals(List.of(), w.add(0, at("a", 200, 3)), "its window closed at 1.5 s");
        assertEquals(1, stats.late(Resolution.SECOND));
        assertEquals(List.of(), w.add(0, at("b", 999, 3)), "also a key that had no window there");
        assertEquals(2, stats.late(Resolution.SECOND));
        assertEquals(1, w.openWindows());
        assertEquals(1, aggregates(w.add(0, at("a", 2500, 4))).get(0).count());
    }

    @Test
    void eachPartitionHasItsOwnWatermark() {
        Windowing w = seconds(0);
        w.add(0, at("a", 100, 1));
        assertEquals(List.of(), w.add(1, at("b", 5000, 1)), "partition 1 does not close partition 0's windows");
        assertEquals(1, w.add(0, at("a", 1000, 2)).size());
        assertEquals(T0.plusMillis(5000).toEpochMilli(), w.watermark(1));
    }

    @Test
    void withoutDeviceTimeTheGatewayTimeIsTheEventTimeAndQualitiesAreSummed() {
        Windowing w = seconds(0);
        Instant gw = T0.plusMillis(300);
        w.add(0, new Measurement("a", "p", 2, "bar", Quality.UNCERTAIN, Classification.TELEMETRY,
                new Timestamps(null, gw), Map.of()));
        w.add(0, reading("a", "p", 400, 4, Quality.SUSPECT));
        w.add(0, reading("a", "p", 500, 6, Quality.GOOD));
        Aggregate a = aggregates(w.add(0, at("a", 1000, 0))).get(0);
        assertEquals(gw, a.firstTime());
        assertEquals(List.of(1L, 1L, 1L), List.of(a.good(), a.suspect(), a.uncertain()));
    }

    @Test
    void badNonFiniteAndNonTelemetryReadingsAreSkippedWithTheirReason() {
        Windowing w = seconds(0);
        w.add(0, reading("a", "p", 100, 1, Quality.BAD));
        w.add(0, at("a", 200, Double.NaN));
        w.add(0, new Measurement("a", "p", 1, "", Quality.GOOD, Classification.EVENT,
                new Timestamps(T0, T0), Map.of()));
        assertEquals(Map.of("bad_quality", 1L, "not_finite", 1L, "not_telemetry", 1L), stats.skipped());
        assertEquals(0, w.openWindows());
        assertNull(w.watermark(0), "a skipped reading does not move the watermark");
        assertEquals(3, stats.recordsIn());
    }

    @Test
    void theMostSpecificPipelineChoosesTheResolutions() {
        AggregatorSettings s = new AggregatorSettings(List.of(
                new Pipeline("*", "*", EnumSet.of(Resolution.HOUR)),
                new Pipeline("*", "vibration", EnumSet.of(Resolution.SECOND, Resolution.MINUTE)),
                new Pipeline("pump_01", "*", Set.of()),
                new Pipeline("pump_01", "vibration", EnumSet.of(Resolution.SECOND))), Duration.ZERO, 10,
                Duration.ZERO);
        assertEquals(Set.of(Resolution.HOUR), s.resolutions("x", "temp"));
        assertEquals(Set.of(Resolution.SECOND, Resolution.MINUTE), s.resolutions("x", "vibration"));
        assertEquals(Set.of(), s.resolutions("pump_01", "temp"));
        assertEquals(Set.of(Resolution.SECOND), s.resolutions("pump_01", "vibration"));
        assertEquals(Set.of(), new AggregatorSettings(List.of(new Pipeline("a", "*", EnumSet.of(Resolution.HOUR))),
                Duration.ZERO, 10, Duration.ZERO).resolutions("b", "p"), "no pipeline: not aggregated");

        Windowing w = new Windowing(s, stats);
        w.add(0, reading("pump_01", "temp", 100, 1, Quality.GOOD));
        assertEquals(0, w.openWindows());
        w.add(0, reading("x", "vibration", 100, 1, Quality.GOOD));
        assertEquals(2, w.openWindows());
    }

    @Test
    void moreThanMaxOpenWindowsClosesTheOldestEarlyAndItsLaterReadingsAreLate() {
        Windowing w = new Windowing(only(EnumSet.of(Resolution.SECOND), 10_000, 2), stats);
        w.add(0, at("a", 100, 1));
        w.add(1, at("b", 1100, 2));
        List<Windowing.Closed> out = w.add(1, at("b", 2100, 3));
        assertEquals(1, out.size());
        assertTrue(out.get(0).forced());
        assertEquals("a", out.get(0).aggregate().assetId());
        assertEquals(2, w.openWindows());
        assertEquals(List.of(), w.add(0, at("a", 200, 4)));
        assertEquals(1, stats.late(Resolution.SECOND), "a's first window was emitted: a later reading is late");
    }

    /** The changelog: a Windowing restored from the changes continues exactly like the one that wrote them. */
    @Test
    void restoredFromTheChangelogItContinuesAsIfUninterrupted() {
        AggregatorSettings s = only(EnumSet.allOf(Resolution.class), 1000, 1000);
        List<Measurement> input = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            input.add(reading(i % 3 == 0 ? "a" : "b", i % 2 == 0 ? "p" : "q", i * 250L + (i % 4 == 1 ? -600 : 0),
                    i * 0.5, Quality.GOOD));
        }
        Windowing straight = new Windowing(s, stats);
        List<Aggregate> expected = new ArrayList<>();
        input.forEach(m -> expected.addAll(aggregates(straight.add(m.assetId().equals("a") ? 0 : 1, m))));

        List<Windowing.Change> changelog = new ArrayList<>();
        Windowing first = new Windowing(s, stats);
        List<Aggregate> actual = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            Measurement m = input.get(i);
            actual.addAll(aggregates(first.add(m.assetId().equals("a") ? 0 : 1, m)));
            if (i % 37 == 0) {
                changelog.addAll(first.drainChanges());
            }
        }
        changelog.addAll(first.drainChanges());
        assertTrue(changelog.stream().anyMatch(c -> c.value() == null), "closed windows are tombstones");
        Windowing second = new Windowing(s, stats);
        changelog.forEach(c -> second.restore(c.key(), c.value()));
        assertEquals(first.openWindows(), second.openWindows());
        for (int i = 250; i < input.size(); i++) {
            Measurement m = input.get(i);
            actual.addAll(aggregates(second.add(m.assetId().equals("a") ? 0 : 1, m)));
        }
        assertEquals(expected, actual);
        assertTrue(expected.size() > 100, "windows of all three resolutions: " + expected.size());
    }

    @Test
    void aKeyThatIsNotTheAggregatorsIsRejectedOnRestore() {
        Windowing w = seconds(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.restore("x", new byte[1]));
        assertTrue(e.getMessage().startsWith("not an aggregator state key: x"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> w.restore("w|0|5s|0|1|ap", new byte[1]));
    }

    @Test
    void assetAndParameterWithTheSeparatorRoundTrip() {
        Windowing w = seconds(0);
        w.add(3, reading("a|b", "c|d", 100, 1, Quality.GOOD));
        Windowing r = seconds(0);
        w.drainChanges().forEach(c -> r.restore(c.key(), c.value()));
        Aggregate a = aggregates(r.add(3, reading("a|b", "c|d", 1000, 2, Quality.GOOD))).get(0);
        assertEquals("a|b", a.assetId());
        assertEquals("c|d", a.parameter());
    }
}
