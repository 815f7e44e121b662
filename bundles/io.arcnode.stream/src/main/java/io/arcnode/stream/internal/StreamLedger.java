package io.arcnode.stream.internal;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bound of the stream's buffer and the account of every reading handed to it: each one is either refused
 * (buffer full: a gap), or reserved a place and later acknowledged by the broker or failed (a gap). Invariant:
 * {@code handed over == acked + gaps + in use}. A gap is logged once when it starts and once when the next
 * acknowledgement ends it (with its count), never per reading. Thread-safe, plain Java.
 */
public final class StreamLedger {

    private static final Logger LOG = LoggerFactory.getLogger(StreamLedger.class);

    /** Why a reading became a gap. */
    public enum GapReason {
        /** refused: {@code buffer_records} readings were already waiting for the broker */
        BUFFER_FULL,
        /** handed to the producer, finally not delivered (delivery timeout, rejected, stream closed) */
        DELIVERY_FAILED;

        /** @return the label value, e.g. {@code buffer_full} */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where gaps are counted: per adapter, topic and reason. */
    public record GapKey(String adapterId, String topic, GapReason reason) {
    }

    /**
     * A consistent-enough view for health, metrics and tests (each counter is read once).
     *
     * @param capacity {@code buffer_records}
     * @param inUse    readings reserved and not yet acknowledged or failed
     * @param sent     per topic: readings handed to the producer
     * @param acked    per topic: readings the broker acknowledged
     * @param gaps     per adapter, topic and reason
     */
    public record Snapshot(int capacity, int inUse, Map<String, Long> sent, Map<String, Long> acked,
            Map<GapKey, Long> gaps) {

        /** @return every gap */
        public long gapTotal() {
            return gaps.values().stream().mapToLong(Long::longValue).sum();
        }

        /** @return every acknowledgement */
        public long ackedTotal() {
            return acked.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final int capacity;
    private final AtomicInteger inUse = new AtomicInteger();
    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> acked = new ConcurrentHashMap<>();
    private final Map<GapKey, LongAdder> gaps = new ConcurrentHashMap<>();
    /** Gaps since the last acknowledgement; 0: no gap open. */
    private final AtomicInteger openGap = new AtomicInteger();

    StreamLedger(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("buffer capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Reserves a place for one reading.
     *
     * @return false, and the reading is counted as a {@link GapReason#BUFFER_FULL} gap, when the buffer is full
     */
    boolean reserve(String adapterId, String topic) {
        int now = inUse.get();
        while (now < capacity) {
            if (inUse.compareAndSet(now, now + 1)) {
                return true;
            }
            now = inUse.get();
        }
        gap(adapterId, topic, GapReason.BUFFER_FULL, null);
        return false;
    }

    /** A reserved reading was handed to the producer. */
    void sent(String topic) {
        sent.computeIfAbsent(topic, t -> new LongAdder()).increment();
    }

    /** The broker acknowledged a reserved reading: its place is free again; an open gap ends. */
    void acked(String topic) {
        inUse.decrementAndGet();
        acked.computeIfAbsent(topic, t -> new LongAdder()).increment();
        int closed = openGap.getAndSet(0);
        if (closed > 0) {
            LOG.info("stream: gap ended, {} reading(s) lost in it; the broker acknowledges again", closed);
        }
    }

    /** A reserved reading was finally not delivered: its place is free again, it is a gap. */
    void failed(String adapterId, String topic, Throwable cause) {
        inUse.decrementAndGet();
        gap(adapterId, topic, GapReason.DELIVERY_FAILED, cause);
    }

    private void gap(String adapterId, String topic, GapReason reason, Throwable cause) {
        gaps.computeIfAbsent(new GapKey(adapterId, topic, reason), k -> new LongAdder()).increment();
        if (openGap.getAndIncrement() == 0) {
            LOG.warn("stream: gap started: a reading of {} for {} is lost ({}{}); buffer {}/{} readings", adapterId,
                    topic, reason.label(), cause == null ? "" : ": " + cause, inUse.get(), capacity);
        }
    }

    /** @return the buffer's capacity ({@code buffer_records}) */
    int capacity() {
        return capacity;
    }

    /** @return readings waiting for the broker */
    int inUse() {
        return inUse.get();
    }

    Snapshot snapshot() {
        Map<GapKey, Long> g = new TreeMap<>(Comparator.comparing(GapKey::adapterId)
                .thenComparing(GapKey::topic).thenComparing(GapKey::reason));
        gaps.forEach((k, v) -> g.put(k, v.sum()));
        return new Snapshot(capacity, inUse.get(), sums(sent), sums(acked), g);
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
