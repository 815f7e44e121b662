/**
 * The gateway-local stream (spec 004, "Local Kafka-Compatible Stream Is the System of Record"): the
 * {@link io.arcnode.stream.api.MeasurementPublisher} service adapters publish through, the topic set, and the
 * Avro single-object encoding of {@link io.arcnode.api.telemetry.Measurement} that every consumer reads.
 */
package io.arcnode.stream.api;
