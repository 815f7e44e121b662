package io.arcnode.stream.internal;

import org.apache.kafka.common.serialization.Serializer;

import io.arcnode.api.telemetry.Measurement;

/** Kafka value serializer: {@link MeasurementCodec#encode}. */
public final class MeasurementSerializer implements Serializer<Measurement> {

    @Override
    public byte[] serialize(String topic, Measurement m) {
        return m == null ? null : MeasurementCodec.encode(m);
    }
}
