package io.arcnode.api.edp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.UUID;

/**
 * Result of module resolution (spec 002 {@code ModuleResolution}): deployment profile, container
 * counts and sizing derived from a {@link ConfiguratorPayload}. {@code compute_container_count >= 1}.
 * Parse with {@link EdpMessages#parseModuleResolution(String)}.
 */
@JsonPropertyOrder({"deployment_id", "deployment_profile", "compute_container_count", "grid_container_present",
        "bess_coupling", "bess_capacity_mwh", "sourcing_tier", "ems_target", "gpu_variant", "gpu_count",
        "climate_zone"})
@JsonDeserialize(using = EdpMessages.ModuleResolutionDeserializer.class)
public record ModuleResolution(
        @JsonProperty("deployment_id") UUID deploymentId,
        @JsonProperty("deployment_profile") DeploymentProfile deploymentProfile,
        @JsonProperty("compute_container_count") int computeContainerCount,
        @JsonProperty("grid_container_present") boolean gridContainerPresent,
        @JsonProperty("bess_coupling") BessCoupling bessCoupling,
        @JsonProperty("bess_capacity_mwh") double bessCapacityMwh,
        @JsonProperty("sourcing_tier") SourcingTier sourcingTier,
        @JsonProperty("ems_target") EmsTarget emsTarget,
        @JsonProperty("gpu_variant") GpuVariant gpuVariant,
        @JsonProperty("gpu_count") int gpuCount,
        @JsonProperty("climate_zone") ClimateZone climateZone) {
}
