package io.arcnode.stream.api;

/**
 * Where the broker stored an acknowledged record.
 *
 * @param topic     topic name, e.g. {@code telemetry.raw}
 * @param partition partition number
 * @param offset    offset within the partition
 */
public record PublishAck(String topic, int partition, long offset) {}
