package io.arcnode.gateway.aggregator.internal;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregator's account, read by {@link AggregatorMetrics} at each scrape; thread-safe. Counts are of committed
 * and uncommitted work alike (a transaction aborted after a crash is counted again by the next stage: they are
 * work done, not outputs). Late and skipped readings are logged once when they start and then at most once a minute
 * with the count since, never per reading.
 */
public final class AggregatorStats {

    private static final Logger LOG = LoggerFactory.getLogger(AggregatorStats.class);
    private static final long LOG_EVERY_MS = 60_000;

    private final Clock clock;
    private final LongAdder in = new LongAdder();
    private final Map<Resolution, LongAdder> out = adders();
    private final Map<Resolution, LongAdder> late = adders();
    private final Map<Resolution, LongAdder> forced = adders();
    private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();
    private final LongAdder transactions = new LongAdder();
    private volatile int openWindows;
    private volatile BiConsumer<Resolution, Double> latency = (r, s) -> { };
    private long lastLog = Long.MIN_VALUE;
    private long unlogged;

    public AggregatorStats(Clock clock) {
        this.clock = clock;
    }

    private static Map<Resolution, LongAdder> adders() {
        Map<Resolution, LongAdder> m = new EnumMap<>(Resolution.class);
        for (Resolution r : Resolution.values()) {
            m.put(r, new LongAdder());
        }
        return m;
    }

    void in() {
        in.increment();
    }

    /** A window went out; {@code ageMs}: from its end (event time) to now (wall clock). */
    void out(Resolution r, boolean wasForced, long ageMs) {
        out.get(r).increment();
        if (wasForced) {
            forced.get(r).increment();
        }
        latency.accept(r, ageMs / 1000.0);
    }

    void late(Resolution r, String detail) {
        late.get(r).increment();
        problem("late reading not aggregated (" + r.label() + "): " + detail);
    }

    void skipped(String reason, String detail) {
        skipped.computeIfAbsent(reason, k -> new LongAdder()).increment();
        problem("reading skipped (" + reason + "): " + detail);
    }

    void committed() {
        transactions.increment();
    }

    void openWindows(int n) {
        openWindows = n;
    }

    private synchronized void problem(String line) {
        long now = clock.millis();
        if (lastLog == Long.MIN_VALUE || now - lastLog >= LOG_EVERY_MS) {
            LOG.warn("aggregator: {}{}", line, unlogged == 0 ? "" : " (and " + unlogged + " more since the last line)");
            lastLog = now;
            unlogged = 0;
        } else {
            unlogged++;
        }
    }

    /** Where {@link #out} reports each window's age (seconds), for the latency histogram. */
    void latencyTo(BiConsumer<Resolution, Double> listener) {
        latency = listener;
    }

    public long recordsIn() {
        return in.sum();
    }

    public long windowsOut(Resolution r) {
        return out.get(r).sum();
    }

    public long late(Resolution r) {
        return late.get(r).sum();
    }

    public long forcedClosed(Resolution r) {
        return forced.get(r).sum();
    }

    /** @return readings skipped per reason, sorted */
    public Map<String, Long> skipped() {
        Map<String, Long> m = new TreeMap<>();
        skipped.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    public long transactions() {
        return transactions.sum();
    }

    public int openWindows() {
        return openWindows;
    }
}
