/**
 * Health reporting of spec 004 "Health Checks": components expose a
 * {@link io.arcnode.api.health.HealthContributor} returning a
 * {@link io.arcnode.api.health.ComponentHealth}, and {@link io.arcnode.api.health.HealthRollup}
 * combines them into the gateway status ({@link io.arcnode.api.health.HealthStatus}). The spec's
 * {@code OFFLINE} status (no heartbeat to the Control Plane) is decided by the Control Plane, not by a
 * gateway, and is therefore not a value here.
 */
package io.arcnode.api.health;
