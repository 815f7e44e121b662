package io.arcnode.api.adapter;

import io.arcnode.api.telemetry.Measurement;

/**
 * Receives the normalised measurements of adapters (the local stream implements it). Called from the
 * adapter's own thread; an implementation must not block for long and must be thread-safe, since many
 * adapters share one sink.
 */
@FunctionalInterface
public interface MeasurementSink {

    /** @param measurement a normalised measurement, never {@code null} */
    void accept(Measurement measurement);
}
