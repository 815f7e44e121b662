package io.arcnode.api.health;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Health of one component.
 *
 * @param component component name, e.g. {@code broker} or {@code adapter_modbus_001}
 * @param status    its status
 * @param detail    human-readable detail (may be {@code null})
 * @param critical  whether the gateway cannot work without it (drives {@link HealthRollup})
 */
@JsonPropertyOrder({"component", "status", "detail", "critical"})
public record ComponentHealth(String component, HealthStatus status, String detail, boolean critical) {}
