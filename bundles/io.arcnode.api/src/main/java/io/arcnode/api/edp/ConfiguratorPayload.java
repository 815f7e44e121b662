package io.arcnode.api.edp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.UUID;

/**
 * Configurator inputs posted to {@code POST /edp-api/jobs} (spec 002 {@code ConfiguratorPayload}).
 * Every field is required. Build instances from JSON with {@link ConfiguratorPayloads#parse(String)},
 * which checks every field rule and the three model rules; Jackson deserialisation of this type goes
 * through the same validation. Constructing the record in code performs no validation; call
 * {@link ConfiguratorPayloads#validate(ConfiguratorPayload)} for the model rules.
 */
@JsonPropertyOrder({"deployment_id", "operator_org", "deployment_site_name", "contact_email", "energy_source",
        "source_capacity_mw", "primary_workload", "gpu_variant", "target_gpu_count", "bess_coupling",
        "bess_capacity_mwh", "grid_connection", "climate_zone", "deployment_context", "aws_partition"})
@JsonDeserialize(using = ConfiguratorPayloads.Deserializer.class)
public record ConfiguratorPayload(
        @JsonProperty("deployment_id") UUID deploymentId,
        @JsonProperty("operator_org") String operatorOrg,
        @JsonProperty("deployment_site_name") String deploymentSiteName,
        @JsonProperty("contact_email") String contactEmail,
        @JsonProperty("energy_source") EnergySource energySource,
        /* gt=0 */
        @JsonProperty("source_capacity_mw") double sourceCapacityMw,
        @JsonProperty("primary_workload") PrimaryWorkload primaryWorkload,
        @JsonProperty("gpu_variant") GpuVariant gpuVariant,
        /* ge=1 */
        @JsonProperty("target_gpu_count") int targetGpuCount,
        @JsonProperty("bess_coupling") BessCoupling bessCoupling,
        /* ge=0 */
        @JsonProperty("bess_capacity_mwh") double bessCapacityMwh,
        @JsonProperty("grid_connection") GridConnection gridConnection,
        @JsonProperty("climate_zone") ClimateZone climateZone,
        @JsonProperty("deployment_context") DeploymentContext deploymentContext,
        @JsonProperty("aws_partition") AwsPartition awsPartition) {
}
