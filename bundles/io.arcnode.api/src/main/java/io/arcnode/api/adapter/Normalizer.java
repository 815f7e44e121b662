package io.arcnode.api.adapter;

import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the normalised {@link Measurement} of a reading: {@code gateway_time} from the injected clock,
 * {@code device_time} as the protocol gave it ({@code null} when it gives none, e.g. Modbus), and quality
 * {@code UNCERTAIN} instead of {@code GOOD} when the device time is missing (spec 004 "Time Semantics").
 * A worse quality ({@code SUSPECT}, {@code BAD}) is kept as it is. Thread-safe.
 */
public final class Normalizer {

    private final Clock clock;
    private final Map<String, String> metadata;

    /**
     * @param clock    the gateway clock
     * @param metadata metadata put on every measurement (e.g. {@code adapter_id}, {@code adapter_version})
     */
    public Normalizer(Clock clock, Map<String, String> metadata) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metadata = Map.copyOf(metadata);
    }

    /** @return the gateway time now, from the injected clock */
    public Instant now() {
        return clock.instant();
    }

    /**
     * @param target     where the value goes
     * @param value      the decoded, scaled value
     * @param quality    the protocol's quality of the reading
     * @param deviceTime the device's timestamp, {@code null} if the protocol gives none
     * @param gatewayTime when the gateway received the value (one instant for a whole poll cycle)
     * @return the measurement
     */
    public Measurement measurement(PointTarget target, double value, Quality quality, Instant deviceTime,
            Instant gatewayTime) {
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(gatewayTime, "gatewayTime");
        Quality q = deviceTime == null && quality == Quality.GOOD ? Quality.UNCERTAIN : quality;
        return new Measurement(target.assetId(), target.parameter(), value, target.unit(), q,
                target.classification(), new Timestamps(deviceTime, gatewayTime), metadata);
    }

    /** Same as {@link #measurement(PointTarget, double, Quality, Instant, Instant)} at {@link #now()}. */
    public Measurement measurement(PointTarget target, double value, Quality quality, Instant deviceTime) {
        return measurement(target, value, quality, deviceTime, now());
    }
}
