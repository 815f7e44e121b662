package io.arcnode.workbench.commissioning.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The samples of the live trend: per point ({@code <asset_id>/<parameter>}), the values the gateway received in the
 * last {@link #WINDOW} (gateway time). Each poll of {@code /measurements} is offered; a value is taken only when its
 * gateway time is newer than the point's last sample, so polling faster than the device changes adds nothing.
 * Not thread-safe: the workbench touches it on the UI thread only.
 */
public final class TrendWindow {

    /** The span shown: 15 minutes. */
    public static final Duration WINDOW = Duration.ofMinutes(15);

    /** One sample. */
    public record Sample(Instant time, double value) {
    }

    private final Duration window;
    private final Map<String, Deque<Sample>> series = new TreeMap<>();
    private Instant newest;

    /** A 15-minute window. */
    public TrendWindow() {
        this(WINDOW);
    }

    /** @param window the span kept, back from the newest sample */
    public TrendWindow(Duration window) {
        this.window = window;
    }

    /** Takes the new values of {@code live}; drops what fell out of the window. */
    public void offer(LiveSnapshot live) {
        for (LiveSnapshot.LastValue v : live.lastValues().values()) {
            add(v.key(), v.gatewayTime(), v.value());
        }
    }

    /** Adds one sample if it is newer than the point's last one. @return whether it was taken */
    public boolean add(String key, Instant time, double value) {
        if (time == null) {
            return false;
        }
        Deque<Sample> s = series.computeIfAbsent(key, k -> new ArrayDeque<>());
        if (!s.isEmpty() && !time.isAfter(s.peekLast().time())) {
            return false;
        }
        s.addLast(new Sample(time, value));
        if (newest == null || time.isAfter(newest)) {
            newest = time;
        }
        prune();
        return true;
    }

    /** @return the points seen so far, sorted */
    public List<String> keys() {
        return List.copyOf(series.keySet());
    }

    /** @return the samples of {@code key}, oldest first (empty for an unknown point) */
    public List<Sample> samples(String key) {
        Deque<Sample> s = series.get(key);
        return s == null ? List.of() : List.copyOf(new ArrayList<>(s));
    }

    /** @return the newest sample time of any point, {@code null} before the first */
    public Instant newest() {
        return newest;
    }

    private void prune() {
        Instant cut = newest.minus(window);
        for (Deque<Sample> s : series.values()) {
            while (!s.isEmpty() && s.peekFirst().time().isBefore(cut)) {
                s.removeFirst();
            }
        }
    }
}
