package io.arcnode.workbench.commissioning.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.data.time.TimeSeriesCollection;
import org.junit.jupiter.api.Test;

class TrendWindowTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static LiveSnapshot snapshot(Instant at, double value) {
        return new LiveSnapshot(1, 1, 0, List.of(), Map.of("a/p", new LiveSnapshot.LastValue("a/p", "a", "p", value,
                "", "GOOD", at)));
    }

    @Test
    void aValueIsTakenOnlyWhenItsGatewayTimeIsNewer() {
        TrendWindow w = new TrendWindow();
        w.offer(snapshot(T0, 1));
        w.offer(snapshot(T0, 1)); // polled again before the device changed
        w.offer(snapshot(T0.plusSeconds(1), 2));
        assertFalse(w.add("a/p", T0.minusSeconds(1), 9));
        assertFalse(w.add("a/p", null, 9));
        assertEquals(List.of(new TrendWindow.Sample(T0, 1), new TrendWindow.Sample(T0.plusSeconds(1), 2)),
                w.samples("a/p"));
        assertEquals(List.of("a/p"), w.keys());
        assertEquals(List.of(), w.samples("nope"));
    }

    @Test
    void samplesOlderThanFifteenMinutesFallOut() {
        TrendWindow w = new TrendWindow();
        assertEquals(Duration.ofMinutes(15), TrendWindow.WINDOW);
        w.add("a/p", T0, 1);
        w.add("b/q", T0.plusSeconds(60), 2);
        w.add("a/p", T0.plus(Duration.ofMinutes(15)), 3);
        assertEquals(2, w.samples("a/p").size(), "exactly 15 min old stays");
        assertTrue(w.add("a/p", T0.plus(Duration.ofMinutes(15)).plusMillis(1), 4));
        assertEquals(List.of(T0.plus(Duration.ofMinutes(15)), T0.plus(Duration.ofMinutes(15)).plusMillis(1)),
                w.samples("a/p").stream().map(TrendWindow.Sample::time).toList());
        assertEquals(1, w.samples("b/q").size());
    }

    @Test
    void theChartHasTheSelectedSeriesOverTheWholeWindow() {
        TrendWindow w = new TrendWindow();
        for (int i = 0; i < 30; i++) {
            w.add("a/p", T0.plusSeconds(i), i);
            w.add("b/q", T0.plusSeconds(i), 30 - i);
        }
        JFreeChart chart = TrendChart.chart(w, List.of("b/q"));
        TimeSeriesCollection data = (TimeSeriesCollection) chart.getXYPlot().getDataset();
        assertEquals(1, data.getSeriesCount());
        assertEquals("b/q", data.getSeries(0).getKey());
        assertEquals(30, data.getSeries(0).getItemCount());
        DateAxis axis = (DateAxis) chart.getXYPlot().getDomainAxis();
        assertEquals(T0.plusSeconds(29).toEpochMilli(), axis.getMaximumDate().getTime());
        assertEquals(Duration.ofMinutes(15).toMillis(),
                axis.getMaximumDate().getTime() - axis.getMinimumDate().getTime());
        BufferedImage image = TrendChart.render(w, List.of("a/p", "b/q"), 640, 300);
        assertEquals(640, image.getWidth());
        assertEquals(300, image.getHeight());
    }
}
