package io.arcnode.gateway.overflow.internal;

/** The tiers of spec 004 "Overflow Handling", by the broker's disk use against its budget. */
public enum OverflowTier {
    /** 0-70 %: normal operation. */
    NORMAL(0.0),
    /** 70-80 %: alert (segments are already zstd-compressed by every producer). */
    ALERT(0.70),
    /** 80-90 %: full-resolution telemetry older than 1 h is deleted; aggregates are kept. */
    DOWNSAMPLE(0.80),
    /** 90-95 %: the oldest low-priority data is evicted: full-resolution telemetry first, then 1 s aggregates. */
    EVICT(0.90),
    /** 95 % and more: producers are blocked (alarms still pass), critical alert. */
    BLOCK(0.95);

    private final double from;

    OverflowTier(double from) {
        this.from = from;
    }

    /** @return the fraction of the budget from which this tier applies */
    public double from() {
        return from;
    }

    /** @return the tier of a disk use {@code fraction} (used / budget, may exceed 1) */
    public static OverflowTier of(double fraction) {
        OverflowTier tier = NORMAL;
        for (OverflowTier t : values()) {
            if (fraction >= t.from) {
                tier = t;
            }
        }
        return tier;
    }
}
