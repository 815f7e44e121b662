package io.arcnode.stream.api;

import io.arcnode.stream.internal.AggregateCodec;
import org.apache.avro.Schema;

/**
 * The record value format of the aggregate topics ({@code telemetry.1s}, {@code .1min}, {@code .1hour}): Avro
 * single-object encoding ({@code C3 01}, the 8-byte CRC-64-AVRO fingerprint of the writer schema, then Avro binary),
 * schema {@code io.arcnode.telemetry.Aggregate}. Any Avro implementation reads it with the schema files
 * {@code avro/aggregate-v<n>.avsc} of this bundle.
 */
public final class AggregateAvro {

    private AggregateAvro() {
    }

    /** @return the single-object encoding of {@code a}, written with {@link #schema()} */
    public static byte[] encode(Aggregate a) {
        return AggregateCodec.encode(a);
    }

    /**
     * @return the aggregate, written with any schema version of this bundle
     * @throws IllegalArgumentException if {@code bytes} are not such an encoding
     */
    public static Aggregate decode(byte[] bytes) {
        return AggregateCodec.decode(bytes);
    }

    /** @return the newest schema version, the one records are written with */
    public static Schema schema() {
        return AggregateCodec.latest();
    }
}
