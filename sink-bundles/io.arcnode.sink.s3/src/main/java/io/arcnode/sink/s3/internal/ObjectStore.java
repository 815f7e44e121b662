package io.arcnode.sink.s3.internal;

import io.arcnode.sink.api.SinkException;
import java.util.Optional;

/** The bucket, as the writer needs it. */
interface ObjectStore extends AutoCloseable {

    /** Stores (or replaces) the object {@code key}. */
    void put(String key, byte[] bytes) throws SinkException;

    /** @return the object {@code key}; empty when there is none */
    Optional<byte[]> get(String key) throws SinkException;

    @Override
    default void close() {
    }
}
