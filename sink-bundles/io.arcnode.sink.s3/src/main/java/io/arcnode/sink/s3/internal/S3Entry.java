package io.arcnode.sink.s3.internal;

import java.time.Instant;
import org.apache.avro.generic.GenericRecord;

/**
 * One decoded stream record on its way into an object.
 *
 * @param topic     source topic
 * @param partition source partition
 * @param offset    source offset (the object's name and its {@code arcnode.offsets} metadata come from these)
 * @param eventTime the time that picks the hour folder
 * @param record    the Avro datum, of {@link S3Records#schemaOf(String)} of its topic
 */
record S3Entry(String topic, int partition, long offset, Instant eventTime, GenericRecord record) {
}
