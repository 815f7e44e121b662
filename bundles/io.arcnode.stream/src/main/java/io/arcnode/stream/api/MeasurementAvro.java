package io.arcnode.stream.api;

import org.apache.avro.Schema;

import io.arcnode.api.telemetry.Measurement;
import io.arcnode.stream.internal.MeasurementCodec;

/**
 * The record value format of the measurement topics: Avro single-object encoding ({@code C3 01}, the 8-byte
 * CRC-64-AVRO fingerprint of the writer schema, then Avro binary), schema {@code io.arcnode.telemetry.Measurement}.
 * Any Avro implementation reads it with the schema files {@code avro/measurement-v<n>.avsc} of this bundle.
 */
public final class MeasurementAvro {

    private MeasurementAvro() {
    }

    /** @return the single-object encoding of {@code m}, written with {@link #schema()} */
    public static byte[] encode(Measurement m) {
        return MeasurementCodec.encode(m);
    }

    /**
     * @return the measurement, written with any schema version of this bundle
     * @throws IllegalArgumentException if {@code bytes} are not such an encoding
     */
    public static Measurement decode(byte[] bytes) {
        return MeasurementCodec.decode(bytes);
    }

    /** @return the newest schema version, the one records are written with */
    public static Schema schema() {
        return MeasurementCodec.latest();
    }
}
