/**
 * The gateway-local stream (spec 004, "Local Kafka-Compatible Stream Is the System of Record"): the
 * {@link io.arcnode.stream.api.MeasurementPublisher} service adapters publish through, the topic set, the
 * Avro single-object encoding of {@link io.arcnode.api.telemetry.Measurement} that every consumer reads and
 * (1.3.0) the {@link io.arcnode.stream.api.Aggregate} windows of the aggregate topics with their encoding
 * {@link io.arcnode.stream.api.AggregateAvro}.
 */
package io.arcnode.stream.api;
