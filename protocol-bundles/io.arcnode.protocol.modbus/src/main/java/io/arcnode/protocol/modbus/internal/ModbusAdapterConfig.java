package io.arcnode.protocol.modbus.internal;

/**
 * Configuration of {@link ModbusAdapterFactory} (PID {@code io.arcnode.protocol.modbus}): the polling of every
 * Modbus adapter it creates. The only place the defaults live; see the README table.
 */
public @interface ModbusAdapterConfig {

    /** @return time between poll cycles, ms */
    long poll_interval_ms() default 1000;

    /** @return connect and response timeout of one request, ms */
    long timeout_ms() default 1000;

    /** @return further attempts of a failed request in the same cycle, each after a reconnect */
    int retries() default 2;

    /** @return delay before the next cycle after a failed one, doubled per failed cycle, ms */
    long backoff_initial_ms() default 1000;

    /** @return upper bound of the backoff, ms */
    long backoff_max_ms() default 30000;

    /** @return without a successful read for this long the status becomes UNHEALTHY, ms */
    long unhealthy_after_ms() default 60000;

    /** @return unmapped registers (bits) one request may read to join two points */
    int max_gap() default 0;
}
