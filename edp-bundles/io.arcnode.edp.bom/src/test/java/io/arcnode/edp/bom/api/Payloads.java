package io.arcnode.edp.bom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arcnode.api.edp.AwsPartition;
import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ClimateZone;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ConfiguratorPayloads;
import io.arcnode.api.edp.DeploymentContext;
import io.arcnode.api.edp.DeploymentProfile;
import io.arcnode.api.edp.EnergySource;
import io.arcnode.api.edp.GpuVariant;
import io.arcnode.api.edp.GridConnection;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.api.edp.PrimaryWorkload;
import io.arcnode.edp.resolver.api.ModuleResolver;
import java.util.List;
import java.util.UUID;

/** Valid payloads for the 11 profiles of spec 002 and their resolutions (the real resolver). */
final class Payloads {

    static final UUID ID = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    private Payloads() {
    }

    /** One payload per profile: context and coupling from the profile name, grid-tied hybrid (defense: off-grid). */
    static ConfiguratorPayload of(DeploymentProfile profile, int gpus, GpuVariant gpu, ClimateZone zone, double mwh) {
        String name = profile.json();
        DeploymentContext context = name.startsWith("commercial_") ? DeploymentContext.COMMERCIAL
                : name.startsWith("federal_") ? DeploymentContext.SOVEREIGN_GOVERNMENT
                : DeploymentContext.DEFENSE_FORWARD;
        BessCoupling coupling = name.endsWith("no_bess") ? BessCoupling.NONE
                : name.endsWith("_ac") ? BessCoupling.AC_COUPLED
                : name.endsWith("dc_ext") ? BessCoupling.DC_EXTERNAL_PCS : BessCoupling.DC_INTEGRATED_PCS;
        AwsPartition partition = switch (context) {
            case COMMERCIAL -> AwsPartition.STANDARD;
            case SOVEREIGN_GOVERNMENT -> AwsPartition.GOVCLOUD;
            case DEFENSE_FORWARD -> AwsPartition.NONE;
        };
        boolean defense = context == DeploymentContext.DEFENSE_FORWARD;
        ConfiguratorPayload p = new ConfiguratorPayload(ID, "Arc Operator", "Site Alpha", "ops@example.com",
                defense ? EnergySource.OFF_GRID : EnergySource.GRID_HYBRID, 12.5, PrimaryWorkload.AI_TRAINING, gpu,
                gpus, coupling, coupling == BessCoupling.NONE ? 0 : mwh,
                defense ? GridConnection.NONE : GridConnection.GRID_TIED, zone, context, partition);
        assertEquals(List.of(), ConfiguratorPayloads.validate(p), name);
        return p;
    }

    static ConfiguratorPayload of(DeploymentProfile profile, int gpus) {
        return of(profile, gpus, GpuVariant.H100_SXM, ClimateZone.TEMPERATE, 2.5);
    }

    /** Off-grid, no grid connection, no BESS: the resolver's only case without a grid container. */
    static ConfiguratorPayload islanded(int gpus) {
        ConfiguratorPayload p = of(DeploymentProfile.COMMERCIAL_NO_BESS, gpus);
        return new ConfiguratorPayload(p.deploymentId(), p.operatorOrg(), p.deploymentSiteName(), p.contactEmail(),
                EnergySource.OFF_GRID, p.sourceCapacityMw(), p.primaryWorkload(), p.gpuVariant(), p.targetGpuCount(),
                BessCoupling.NONE, 0, GridConnection.NONE, p.climateZone(), p.deploymentContext(), p.awsPartition());
    }

    static ModuleResolution resolve(ConfiguratorPayload p) {
        return ModuleResolver.resolve(p);
    }

    static BomDocument bom(ConfiguratorPayload p) {
        return BomGenerator.generate(p, resolve(p));
    }
}
