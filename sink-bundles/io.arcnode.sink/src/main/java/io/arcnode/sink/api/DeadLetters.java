package io.arcnode.sink.api;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where a sink puts a poison record: one that cannot be decoded, or that the destination refuses permanently
 * ({@link SinkException#permanent()}). Nothing is dropped: the offset of a poison record is committed only after
 * {@link #send} returned.
 */
@FunctionalInterface
public interface DeadLetters {

    /**
     * Stores {@code record} durably with the reason.
     *
     * @throws Exception if it could not be stored; the loop then treats the batch as a retryable failure
     */
    void send(ConsumerRecord<String, byte[]> record, String reason) throws Exception;
}
