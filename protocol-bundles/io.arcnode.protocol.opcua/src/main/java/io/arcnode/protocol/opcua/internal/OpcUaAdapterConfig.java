package io.arcnode.protocol.opcua.internal;

/**
 * Configuration of {@link OpcUaAdapterFactory} (PID {@code io.arcnode.protocol.opcua}, optional): the defaults of
 * the keys an adapter entry may leave out, and the connect backoff. The only place the defaults live; see the README
 * table.
 */
public @interface OpcUaAdapterConfig {

    /** @return security policy of entries that name none: {@code none} or {@code basic256sha256} */
    String security_policy() default "none";

    /** @return requested publishing interval of the subscription, ms */
    long publishing_interval_ms() default 1000;

    /** @return timeout of one OPC UA request (connect, create subscription, ...), ms */
    long request_timeout_ms() default 5000;

    /** @return server queue size of a monitored item */
    int queue_size() default 1;

    /** @return how the server certificate is trusted: {@code first_use} or {@code any} */
    String server_trust() default "first_use";

    /** @return delay before the next connect attempt after a failed one, doubled per failure, ms */
    long backoff_initial_ms() default 1000;

    /** @return upper bound of that delay, ms */
    long backoff_max_ms() default 30000;

    /** @return client PKI folder of entries without {@code pki_dir}; empty: {@code <gateway.data_dir>/opcua/pki} */
    String pki_dir() default "";
}
