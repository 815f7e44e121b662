package io.arcnode.api.adapter;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.telemetry.UtcMillis;
import java.time.Instant;
import java.util.Objects;

/**
 * Snapshot of an adapter's health.
 *
 * @param adapterId     the adapter id
 * @param status        its status
 * @param reason        why it is not {@code HEALTHY} (e.g. {@code timeout after 3 retries},
 *                      {@code modbus exception 2 (illegal data address) at 3:100+4}); {@code null} when healthy
 * @param lastReadingAt gateway time of the last successful reading, {@code null} before the first
 * @param reads         protocol requests answered (e.g. Modbus read requests)
 * @param errors        requests that failed (timeouts, exceptions, connection losses)
 * @param measurements  measurements handed to the sink
 */
@JsonPropertyOrder({"adapter_id", "status", "reason", "last_reading_at", "reads", "errors", "measurements"})
public record AdapterHealth(
        @JsonProperty("adapter_id") String adapterId,
        @JsonProperty("status") AdapterStatus status,
        @JsonProperty("reason") String reason,
        @JsonProperty("last_reading_at") @JsonSerialize(using = UtcMillis.Serializer.class) Instant lastReadingAt,
        @JsonProperty("reads") long reads,
        @JsonProperty("errors") long errors,
        @JsonProperty("measurements") long measurements) {

    /** Requires an id and a status. */
    public AdapterHealth {
        Objects.requireNonNull(adapterId, "adapterId");
        Objects.requireNonNull(status, "status");
    }

    /** @return the health of an adapter that never ran, e.g. with {@code CONFIG_ERROR} and its reason */
    public static AdapterHealth of(String adapterId, AdapterStatus status, String reason) {
        return new AdapterHealth(adapterId, status, reason, null, 0, 0, 0);
    }

    /**
     * @param critical whether the gateway cannot work without this adapter
     * @return this snapshot as a component of the gateway health roll-up; detail is {@code STATUS: reason}
     */
    public ComponentHealth toComponentHealth(boolean critical) {
        String detail = reason == null ? status.name() : status.name() + ": " + reason;
        return new ComponentHealth(adapterId, status.toHealthStatus(), detail, critical);
    }
}
