package io.arcnode.api.adapter;

import io.arcnode.api.telemetry.Classification;
import java.time.Clock;
import java.util.Objects;

/**
 * What the gateway gives an adapter besides its protocol configuration.
 *
 * @param adapterId      the adapter id, e.g. {@code adapter_modbus_001}
 * @param assetId        the asset the device's points belong to (configured points may name their own)
 * @param classification classification of points that do not configure their own
 * @param sink           where measurements go
 * @param clock          the gateway clock ({@code gateway_time}, {@code last_reading_at})
 */
public record AdapterContext(String adapterId, String assetId, Classification classification,
        MeasurementSink sink, Clock clock) {

    /** Requires every field. */
    public AdapterContext {
        Objects.requireNonNull(adapterId, "adapterId");
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(clock, "clock");
    }
}
