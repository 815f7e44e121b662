package io.arcnode.api.adapter;

import io.arcnode.api.telemetry.Classification;
import java.util.Objects;

/**
 * Where a mapped point's value goes in the measurement contract; all of it comes from configuration
 * (spec 004: classification is decided by configuration, never detected at runtime).
 *
 * @param assetId        the asset, also the stream record key
 * @param parameter      the parameter name, e.g. {@code supply_temp_c}
 * @param unit           the unit, e.g. {@code celsius}; {@code null} becomes the empty string
 * @param classification telemetry, event or alarm
 */
public record PointTarget(String assetId, String parameter, String unit, Classification classification) {

    /** Requires asset, parameter and classification. */
    public PointTarget {
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(classification, "classification");
        unit = unit == null ? "" : unit;
    }
}
