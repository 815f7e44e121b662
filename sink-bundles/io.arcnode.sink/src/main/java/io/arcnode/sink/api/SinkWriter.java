package io.arcnode.sink.api;

import java.util.List;

/**
 * The downstream of one sink. {@link SinkLoop} calls it from its one thread with the decoded records of one poll
 * (at most {@code max.poll.records}), in stream order per partition.
 *
 * <p>Contract: return normally only when every record of the batch is durably in the destination (the offsets are
 * committed right after); otherwise throw a {@link SinkException} saying whether a retry can succeed. A batch may be
 * written again after a failure, a crash or a rebalance (the loop rewinds to the last committed offsets), so the
 * write must be <b>idempotent</b>: the same record written twice is stored once. Then the destination holds every
 * record exactly once.
 *
 * @param <T> the decoded record
 */
public interface SinkWriter<T> extends AutoCloseable {

    /**
     * @param batch one or more decoded records
     * @throws SinkException if not every record was stored
     */
    void write(List<T> batch) throws SinkException;

    /** Releases the destination's resources (connections); the loop closes its writer when it ends. */
    @Override
    default void close() {
    }
}
