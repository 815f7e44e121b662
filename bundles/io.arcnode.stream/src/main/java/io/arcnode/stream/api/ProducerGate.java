package io.arcnode.stream.api;

import java.util.Optional;

/**
 * Holds back the readings adapters publish, for the overflow tier of spec 004 at 95 % broker disk ("block
 * producers"). While blocked, {@link MeasurementPublisher#publish} keeps accepting readings into the stream's bounded
 * buffer ({@code stream.buffer_records}) without sending them; once the buffer is full further readings fail as gaps
 * (counted, never silent). Alarms ({@link StreamTopics#ALARMS_RAW}) are never held. {@link #unblock()} sends what
 * was held, in order. Registered as a service by the stream bundle.
 */
public interface ProducerGate {

    /** Holds back non-alarm readings from now on; {@code reason} shows in the stream's health. Idempotent. */
    void block(String reason);

    /** Sends the held readings in their order and lets new ones through. Idempotent. */
    void unblock();

    /** @return the reason while blocked, empty otherwise */
    Optional<String> blocked();
}
