package io.arcnode.gateway.aggregator.internal;

import io.arcnode.stream.api.StreamTopics;
import java.util.Arrays;
import java.util.Optional;

/** A window length of the aggregator and the topic its windows go to (spec 004 "Multi-Resolution Topics"). */
public enum Resolution {
    SECOND("1s", 1_000, StreamTopics.TELEMETRY_1S),
    MINUTE("1min", 60_000, StreamTopics.TELEMETRY_1MIN),
    HOUR("1h", 3_600_000, StreamTopics.TELEMETRY_1HOUR);

    private final String label;
    private final long millis;
    private final String topic;

    Resolution(String label, long millis, String topic) {
        this.label = label;
        this.millis = millis;
        this.topic = topic;
    }

    /** @return {@code 1s}, {@code 1min} or {@code 1h}: the configuration value and the aggregate's resolution */
    public String label() {
        return label;
    }

    /** @return the window length in milliseconds */
    public long millis() {
        return millis;
    }

    /** @return the output topic */
    public String topic() {
        return topic;
    }

    /** @return the start of the window holding {@code epochMillis}; windows are aligned to the epoch (UTC) */
    public long windowStart(long epochMillis) {
        return Math.floorDiv(epochMillis, millis) * millis;
    }

    /** @return the resolution with this label */
    public static Optional<Resolution> ofLabel(String label) {
        return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
    }
}
