package io.arcnode.api.adapter;

import io.arcnode.api.health.HealthStatus;

/** Status of an adapter. JSON: the upper-case constant names. */
public enum AdapterStatus {
    /** Connected; the last poll cycle read every point. */
    HEALTHY,
    /** Running, but the device does not answer or answers with errors; the adapter retries with backoff. */
    DEGRADED,
    /** Running, but no reading has succeeded for a long time (the protocol decides how long). */
    UNHEALTHY,
    /** Stopped by an internal error; it does not recover by itself. */
    FAILED,
    /** The configuration names a protocol that this gateway cannot speak (yet); nothing is polled. */
    UNSUPPORTED_PROTOCOL,
    /** The configuration is invalid (the reason names the field); nothing is polled. */
    CONFIG_ERROR;

    /**
     * @return the status for the gateway roll-up: {@code UNSUPPORTED_PROTOCOL} is {@code DEGRADED} (a known
     *         gap, not a fault), {@code CONFIG_ERROR} is {@code FAILED}
     */
    public HealthStatus toHealthStatus() {
        return switch (this) {
            case HEALTHY -> HealthStatus.HEALTHY;
            case DEGRADED, UNSUPPORTED_PROTOCOL -> HealthStatus.DEGRADED;
            case UNHEALTHY -> HealthStatus.UNHEALTHY;
            case FAILED, CONFIG_ERROR -> HealthStatus.FAILED;
        };
    }
}
