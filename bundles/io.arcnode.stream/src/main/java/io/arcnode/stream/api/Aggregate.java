package io.arcnode.stream.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One closed window of one asset and parameter on {@code telemetry.1s}, {@code telemetry.1min} or
 * {@code telemetry.1hour} (spec 004 "Aggregate Message Format", plus sum, first, last, unit and a quality summary).
 * Encoded on the stream with {@link AggregateAvro}; record key {@code asset_id}.
 *
 * @param assetId     the asset (also the record key)
 * @param parameter   the parameter
 * @param unit        unit of the window's first reading; empty for dimensionless values
 * @param resolution  window length label: {@code 1s}, {@code 1min} or {@code 1h}
 * @param windowStart inclusive start, event time (the readings' device_time, else gateway_time)
 * @param windowEnd   exclusive end
 * @param count       readings in the window, at least 1
 * @param sum         sum of their values
 * @param min         smallest value
 * @param max         largest value
 * @param first       value of the reading with the earliest event time (ties: the one read first)
 * @param firstTime   its event time
 * @param last        value of the reading with the latest event time (ties: the one read last)
 * @param lastTime    its event time
 * @param good        readings of quality GOOD
 * @param suspect     readings of quality SUSPECT
 * @param uncertain   readings of quality UNCERTAIN; {@code good + suspect + uncertain == count}
 */
public record Aggregate(String assetId, String parameter, String unit, String resolution, Instant windowStart,
        Instant windowEnd, long count, double sum, double min, double max, double first, Instant firstTime,
        double last, Instant lastTime, long good, long suspect, long uncertain) {

    /** Checks the invariants above. */
    public Aggregate {
        Objects.requireNonNull(assetId, "asset_id");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(windowStart, "window_start");
        Objects.requireNonNull(windowEnd, "window_end");
        Objects.requireNonNull(firstTime, "first_time");
        Objects.requireNonNull(lastTime, "last_time");
        if (!windowEnd.isAfter(windowStart)) {
            throw new IllegalArgumentException("window_end " + windowEnd + " must be after window_start " + windowStart);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1 (got " + count + ")");
        }
        if (good < 0 || suspect < 0 || uncertain < 0 || good + suspect + uncertain != count) {
            throw new IllegalArgumentException("quality: good " + good + " + suspect " + suspect + " + uncertain "
                    + uncertain + " must be count " + count);
        }
    }

    /** @return {@code sum / count} */
    public double avg() {
        return sum / count;
    }
}
