package io.arcnode.gateway.aggregator.internal;

import io.arcnode.api.telemetry.Quality;
import io.arcnode.stream.api.Aggregate;
import java.time.Instant;

/** The running aggregates of one open window; mutable, owned by {@link Windowing}. */
final class Window {

    final WindowKey key;
    private String unit;
    private long count;
    private double sum;
    private double min;
    private double max;
    private double first;
    private long firstTime;
    private double last;
    private long lastTime;
    private long good;
    private long suspect;
    private long uncertain;

    Window(WindowKey key) {
        this.key = key;
    }

    /** Adds a reading with event time {@code time} (epoch ms). */
    void add(double value, long time, String readingUnit, Quality quality) {
        if (count == 0) {
            unit = readingUnit;
            min = value;
            max = value;
            first = value;
            firstTime = time;
            last = value;
            lastTime = time;
        } else {
            min = Math.min(min, value);
            max = Math.max(max, value);
            if (time < firstTime) { // ties keep the one read first
                first = value;
                firstTime = time;
            }
            if (time >= lastTime) { // ties take the one read last
                last = value;
                lastTime = time;
            }
        }
        count++;
        sum += value;
        switch (quality) {
            case GOOD -> good++;
            case SUSPECT -> suspect++;
            default -> uncertain++;
        }
    }

    Aggregate toAggregate() {
        return new Aggregate(key.asset(), key.parameter(), unit, key.resolution().label(),
                Instant.ofEpochMilli(key.start()), Instant.ofEpochMilli(key.end()), count, sum, min, max, first,
                Instant.ofEpochMilli(firstTime), last, Instant.ofEpochMilli(lastTime), good, suspect, uncertain);
    }

    /** @return the window of a snapshot taken with {@link #toAggregate()} */
    static Window of(WindowKey key, Aggregate a) {
        Window w = new Window(key);
        w.unit = a.unit();
        w.count = a.count();
        w.sum = a.sum();
        w.min = a.min();
        w.max = a.max();
        w.first = a.first();
        w.firstTime = a.firstTime().toEpochMilli();
        w.last = a.last();
        w.lastTime = a.lastTime().toEpochMilli();
        w.good = a.good();
        w.suspect = a.suspect();
        w.uncertain = a.uncertain();
        return w;
    }
}
