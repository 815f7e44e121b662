package io.arcnode.protocol.mqtt.internal;

/**
 * Configuration of {@link MqttAdapterFactory} (PID {@code io.arcnode.protocol.mqtt}): the defaults of every MQTT
 * adapter it creates, where an entry of the gateway configuration does not set its own. The only place the
 * defaults live; see the README table.
 */
public @interface MqttAdapterConfig {

    /** @return MQTT keep-alive interval, s (0 turns keep-alive off); an entry's {@code keep_alive_s} wins */
    int keep_alive_s() default 60;

    /** @return timeout of connect and subscribe, s; an entry's {@code connect_timeout_s} wins */
    int connect_timeout_s() default 10;

    /** @return MQTT clean session; an entry's {@code clean_session} wins */
    boolean clean_session() default true;

    /** @return QoS of a subscription that sets none */
    int qos() default 1;

    /** @return delay before the first reconnect after a failed connect or a lost connection, ms; doubled per failure */
    long reconnect_initial_ms() default 1000;

    /** @return upper bound of the reconnect delay, ms */
    long reconnect_max_ms() default 30000;

    /** @return without a connection for this long, DEGRADED becomes UNHEALTHY, ms */
    long unhealthy_after_ms() default 60000;
}
