package io.arcnode.api.adapter;

/**
 * One source connection (a Modbus device, an OPC UA session, an MQTT subscription) with its mapped points.
 * {@link #start()} begins polling or subscribing in the adapter's own thread and returns at once;
 * {@link #stop()} ends it and closes the connection. Both are idempotent. A stopped adapter is not restarted:
 * create a new one.
 */
public interface Adapter extends AutoCloseable {

    /** @return the adapter id, e.g. {@code adapter_modbus_001} (also the health component name) */
    String id();

    /** Starts the adapter's loop; never blocks on the device. */
    void start();

    /** Stops the loop and closes the connection; waits at most a bounded time for the loop to end. */
    void stop();

    /** @return a consistent snapshot of the adapter's status and counters */
    AdapterHealth health();

    /** Same as {@link #stop()}. */
    @Override
    default void close() {
        stop();
    }
}
