package io.arcnode.workbench.commissioning.api;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * The live trend as a picture: a JFreeChart time-series chart of the selected points of a {@link TrendWindow},
 * always spanning the whole window (so the axis moves with time, not with the data), rendered into an image the UI
 * puts on the screen. Plain AWT drawing into a buffered image: no AWT window is ever opened.
 */
public final class TrendChart {

    private TrendChart() {
    }

    /** @return the chart of {@code keys} over the last {@link TrendWindow#WINDOW} up to {@code window.newest()} */
    public static JFreeChart chart(TrendWindow window, Collection<String> keys) {
        TimeSeriesCollection data = new TimeSeriesCollection();
        for (String key : keys) {
            TimeSeries s = new TimeSeries(key);
            for (TrendWindow.Sample sample : window.samples(key)) {
                s.addOrUpdate(new FixedMillisecond(sample.time().toEpochMilli()), sample.value());
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(null, "gateway time (UTC)", "value", data, true, false,
                false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(new Color(0xF7, 0xF7, 0xF7));
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        DateAxis axis = (DateAxis) plot.getDomainAxis();
        axis.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        Instant end = window.newest() == null ? Instant.now() : window.newest();
        axis.setRange(new Date(end.minus(TrendWindow.WINDOW).toEpochMilli()), new Date(end.toEpochMilli()));
        return chart;
    }

    /** @return the chart drawn into an RGB image of {@code width} x {@code height} pixels */
    public static BufferedImage render(TrendWindow window, Collection<String> keys, int width, int height) {
        return chart(window, keys).createBufferedImage(Math.max(width, 1), Math.max(height, 1),
                BufferedImage.TYPE_INT_RGB, null);
    }
}
