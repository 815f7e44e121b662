package io.arcnode.gateway.aggregator.internal;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.stream.api.Aggregate;
import io.arcnode.stream.api.AggregateAvro;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Event-time tumbling windows, plain Java, one thread. A reading's event time is its device_time, else its
 * gateway_time (the validator has marked it UNCERTAIN then). Each input partition has a watermark: the newest event
 * time read from it. A window [start, end) of a partition closes when that watermark reaches
 * {@code end + allowed lateness}; a reading whose window is closed by then is <em>late</em>: counted per resolution,
 * logged, not aggregated (it stays on {@code telemetry.clean}). BAD, non-telemetry and non-finite readings are
 * skipped with a reason (they do not belong on {@code telemetry.clean}). When more than {@code max_open_windows} are
 * open, the partition of the window that ends first jumps its watermark to that window's close time (forced close),
 * so a later reading of it is late and no window is ever emitted twice.
 *
 * <p>The state is snapshot as changelog entries ({@link #drainChanges()}): a changed window under its key with its
 * running aggregates ({@link AggregateAvro}), a closed one as a tombstone, a changed watermark as 8 bytes;
 * {@link #restore} applies them again. Same input in the same order per partition: same windows.
 */
public final class Windowing {

    /** A window that closed: what goes to its resolution's topic. */
    public record Closed(Resolution resolution, Aggregate aggregate, boolean forced) {}

    /** One changelog entry: {@code value} null is a tombstone. */
    public record Change(String key, byte[] value) {}

    private static final String WINDOW = "w|";
    private static final String WATERMARK = "m|";
    private static final int CACHE = 100_000;

    private final AggregatorSettings settings;
    private final long lateness;
    private final AggregatorStats stats;
    private final Map<WindowKey, Window> open = new HashMap<>();
    private final Map<Integer, TreeMap<Long, LinkedHashMap<WindowKey, Window>>> byEnd = new HashMap<>();
    private final Map<Integer, Long> watermarks = new HashMap<>();
    private final Set<WindowKey> dirtyWindows = new LinkedHashSet<>();
    private final Set<Integer> dirtyWatermarks = new TreeSet<>();
    private final Map<String, Set<Resolution>> selected = new HashMap<>();

    public Windowing(AggregatorSettings settings, AggregatorStats stats) {
        this.settings = settings;
        this.lateness = settings.allowedLateness().toMillis();
        this.stats = stats;
    }

    /** @return the event time of {@code m}: device_time, else gateway_time (epoch ms) */
    public static long eventTime(Measurement m) {
        return (m.timestamps().deviceTime() != null ? m.timestamps().deviceTime() : m.timestamps().gatewayTime())
                .toEpochMilli();
    }

    /**
     * Adds one reading read from {@code partition}.
     *
     * @return the windows it closed, oldest end first
     */
    public List<Closed> add(int partition, Measurement m) {
        stats.in();
        if (m.quality() == Quality.BAD || m.classification() != Classification.TELEMETRY
                || !Double.isFinite(m.value())) {
            String reason = m.quality() == Quality.BAD ? "bad_quality"
                    : m.classification() != Classification.TELEMETRY ? "not_telemetry" : "not_finite";
            stats.skipped(reason, describe(m));
            return List.of();
        }
        long t = eventTime(m);
        Long w = watermarks.get(partition);
        for (Resolution r : resolutions(m)) {
            long start = r.windowStart(t);
            if (w != null && w >= start + r.millis() + lateness) {
                stats.late(r, describe(m) + " at " + Instant.ofEpochMilli(t) + "; its window closed at "
                        + "watermark " + Instant.ofEpochMilli(w) + " of partition " + partition);
                continue;
            }
            WindowKey key = new WindowKey(partition, r, start, m.assetId(), m.parameter());
            Window win = open.get(key);
            if (win == null) {
                win = new Window(key);
                put(win);
            }
            win.add(m.value(), t, m.unit(), m.quality());
            dirtyWindows.add(key);
        }
        List<Closed> closed = new ArrayList<>();
        if (w == null || t > w) {
            advance(partition, t, false, closed);
        }
        while (open.size() > settings.maxOpenWindows()) {
            forceOldest(closed);
        }
        stats.openWindows(open.size());
        return closed;
    }

    private Set<Resolution> resolutions(Measurement m) {
        String pair = m.assetId() + '\u0000' + m.parameter();
        Set<Resolution> r = selected.get(pair);
        if (r == null) {
            if (selected.size() >= CACHE) {
                selected.clear();
            }
            r = settings.resolutions(m.assetId(), m.parameter());
            selected.put(pair, r);
        }
        return r;
    }

    private void put(Window win) {
        open.put(win.key, win);
        byEnd.computeIfAbsent(win.key.partition(), p -> new TreeMap<>())
                .computeIfAbsent(win.key.end(), e -> new LinkedHashMap<>()).put(win.key, win);
    }

    /** Sets the watermark of {@code partition} to {@code to} and closes what it passed. */
    private void advance(int partition, long to, boolean forced, List<Closed> closed) {
        watermarks.put(partition, to);
        dirtyWatermarks.add(partition);
        TreeMap<Long, LinkedHashMap<WindowKey, Window>> ends = byEnd.get(partition);
        if (ends == null) {
            return;
        }
        Iterator<Map.Entry<Long, LinkedHashMap<WindowKey, Window>>> it =
                ends.headMap(to - lateness, true).entrySet().iterator();
        while (it.hasNext()) {
            for (Window win : it.next().getValue().values()) {
                open.remove(win.key);
                dirtyWindows.add(win.key);
                closed.add(new Closed(win.key.resolution(), win.toAggregate(), forced));
            }
            it.remove();
        }
    }

    private void forceOldest(List<Closed> closed) {
        int partition = -1;
        long end = Long.MAX_VALUE;
        for (Map.Entry<Integer, TreeMap<Long, LinkedHashMap<WindowKey, Window>>> e : byEnd.entrySet()) {
            if (!e.getValue().isEmpty() && e.getValue().firstKey() < end) {
                end = e.getValue().firstKey();
                partition = e.getKey();
            }
        }
        advance(partition, Math.max(watermarks.getOrDefault(partition, Long.MIN_VALUE), end + lateness), true,
                closed);
    }

    /** @return the changes since the last call, to write to the changelog in the same transaction */
    public List<Change> drainChanges() {
        List<Change> out = new ArrayList<>(dirtyWindows.size() + dirtyWatermarks.size());
        for (WindowKey k : dirtyWindows) {
            Window win = open.get(k);
            out.add(new Change(key(k), win == null ? null : AggregateAvro.encode(win.toAggregate())));
        }
        for (int p : dirtyWatermarks) {
            out.add(new Change(WATERMARK + p, ByteBuffer.allocate(Long.BYTES).putLong(watermarks.get(p)).array()));
        }
        dirtyWindows.clear();
        dirtyWatermarks.clear();
        return out;
    }

    /**
     * Applies one changelog entry, in changelog order, before the first {@link #add}.
     *
     * @throws IllegalArgumentException if the entry is not one {@link #drainChanges()} writes
     */
    public void restore(String key, byte[] value) {
        if (key != null && key.startsWith(WATERMARK) && value != null && value.length == Long.BYTES) {
            watermarks.put(Integer.parseInt(key.substring(WATERMARK.length())), ByteBuffer.wrap(value).getLong());
            return;
        }
        if (key == null || !key.startsWith(WINDOW)) {
            throw new IllegalArgumentException("not an aggregator state key: " + key);
        }
        WindowKey k = parse(key);
        if (value == null) {
            Window gone = open.remove(k);
            if (gone != null) {
                Map<WindowKey, Window> at = byEnd.get(k.partition()).get(k.end());
                at.remove(k);
                if (at.isEmpty()) {
                    byEnd.get(k.partition()).remove(k.end());
                }
            }
        } else {
            Window old = open.get(k);
            if (old != null) {
                byEnd.get(k.partition()).get(k.end()).remove(k);
            }
            put(Window.of(k, AggregateAvro.decode(value)));
        }
        stats.openWindows(open.size());
    }

    private static WindowKey parse(String key) {
        try {
            String[] parts = key.split("\\|", 5);
            String rest = parts[4];
            int bar = rest.indexOf('|');
            int len = Integer.parseInt(rest.substring(0, bar));
            Resolution r = Resolution.ofLabel(parts[2]).orElseThrow(
                    () -> new IllegalArgumentException("unknown resolution " + parts[2]));
            return new WindowKey(Integer.parseInt(parts[1]), r, Long.parseLong(parts[3]),
                    rest.substring(bar + 1, bar + 1 + len), rest.substring(bar + 2 + len));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an aggregator state key: " + key + " (" + e.getMessage() + ")", e);
        }
    }

    /** @return the changelog key of a window: partition, resolution, start, then asset and parameter unambiguously */
    static String key(WindowKey k) {
        return WINDOW + k.partition() + '|' + k.resolution().label() + '|' + k.start() + '|' + k.asset().length()
                + '|' + k.asset() + '|' + k.parameter();
    }

    /** @return windows open now */
    public int openWindows() {
        return open.size();
    }

    /** @return the watermark of {@code partition} (epoch ms), null before its first reading */
    public Long watermark(int partition) {
        return watermarks.get(partition);
    }

    private static String describe(Measurement m) {
        return m.assetId() + "/" + m.parameter();
    }
}
