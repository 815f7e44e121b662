package io.arcnode.sink.http.internal;

import io.arcnode.api.telemetry.Measurement;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One decoded measurement with where it came from; {@link #id} is stable across replays.
 *
 * @param gatewayId   the gateway
 * @param topic       the local topic
 * @param partition   its partition
 * @param offset      the record's offset
 * @param measurement the reading
 */
record HttpRecord(String gatewayId, String topic, int partition, long offset, Measurement measurement) {

    /** @return {@code <gateway>:<topic>:<partition>:<offset>} (a topic name holds no ':') */
    String id() {
        return gatewayId + ":" + topic + ":" + partition + ":" + offset;
    }

    /** Decodes a local record (its value: {@link io.arcnode.stream.api.MeasurementAvro}). */
    static HttpRecord of(String gatewayId, ConsumerRecord<String, byte[]> r) {
        return new HttpRecord(gatewayId, r.topic(), r.partition(), r.offset(),
                io.arcnode.stream.api.MeasurementAvro.decode(r.value()));
    }
}
