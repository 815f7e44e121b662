package io.arcnode.sink.s3.internal;

import io.arcnode.api.telemetry.Measurement;
import io.arcnode.stream.api.MeasurementAvro;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Stream record to {@link S3Entry}. Topics {@code telemetry.*} carry measurements (single-object Avro encoding,
 * any schema version of {@link MeasurementAvro}): they are stored as records of the newest measurement schema and
 * partitioned by device time, else gateway time. Any other topic is stored as {@link #RAW} (key, value bytes,
 * Kafka timestamp), partitioned by the Kafka record timestamp.
 */
final class S3Records {

    /** The schema of records of topics that are not measurement topics. */
    static final Schema RAW = SchemaBuilder.record("StreamRecord").namespace("io.arcnode.sink.s3")
            .doc("a record of a non-measurement topic, as it was on the local stream").fields()
            .name("key").type().nullable().stringType().noDefault()
            .name("value").type().nullable().bytesType().noDefault()
            .name("timestamp_ms").type().longType().noDefault()
            .endRecord();

    /** C3 01 and the 8-byte fingerprint before the Avro binary body. */
    private static final int SINGLE_OBJECT_HEADER = 10;

    private S3Records() {
    }

    /** @return whether records of {@code topic} are measurements */
    static boolean measurementTopic(String topic) {
        return topic.startsWith("telemetry.");
    }

    /** @return the schema of the objects of {@code topic} */
    static Schema schemaOf(String topic) {
        return measurementTopic(topic) ? MeasurementAvro.schema() : RAW;
    }

    /**
     * @throws IllegalArgumentException if a measurement topic's record is not a measurement, or it has neither
     *                                  device nor gateway time (the loop sends it to the dead letters)
     */
    static S3Entry decode(ConsumerRecord<String, byte[]> r) {
        if (!measurementTopic(r.topic())) {
            GenericRecord g = new GenericData.Record(RAW);
            g.put("key", r.key());
            g.put("value", r.value() == null ? null : ByteBuffer.wrap(r.value()));
            g.put("timestamp_ms", r.timestamp());
            return new S3Entry(r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), g);
        }
        if (r.value() == null) {
            throw new IllegalArgumentException("a measurement topic's record has no value");
        }
        Measurement m = MeasurementAvro.decode(r.value());
        Instant device = m.timestamps() == null ? null : m.timestamps().deviceTime();
        Instant gateway = m.timestamps() == null ? null : m.timestamps().gatewayTime();
        Instant time = device != null ? device : gateway;
        if (time == null) {
            throw new IllegalArgumentException("reading of " + m.assetId() + "/" + m.parameter()
                    + " has neither device nor gateway time");
        }
        byte[] latest = MeasurementAvro.encode(m); // the newest schema, whatever version the record was written with
        try {
            GenericRecord g = new GenericDatumReader<GenericRecord>(MeasurementAvro.schema()).read(null,
                    DecoderFactory.get().binaryDecoder(latest, SINGLE_OBJECT_HEADER,
                            latest.length - SINGLE_OBJECT_HEADER, null));
            return new S3Entry(r.topic(), r.partition(), r.offset(), time, g);
        } catch (IOException e) {
            throw new IllegalArgumentException("measurement not readable with its own schema: " + e.getMessage(), e);
        }
    }
}
