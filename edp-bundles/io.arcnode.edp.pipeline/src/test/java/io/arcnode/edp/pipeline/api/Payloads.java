package io.arcnode.edp.pipeline.api;

import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.edp.AwsPartition;
import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ClimateZone;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.DeploymentContext;
import io.arcnode.api.edp.DeploymentProfile;
import io.arcnode.api.edp.EnergySource;
import io.arcnode.api.edp.GpuVariant;
import io.arcnode.api.edp.GridConnection;
import io.arcnode.api.edp.PrimaryWorkload;
import java.util.UUID;

/** Valid payloads for each of the 11 profiles (the three model rules of spec 002 hold). */
public final class Payloads {

    public static final UUID ID = UUID.fromString("6d1c2a4e-8b0f-4c47-9e5d-2f3a1b7c9d01");

    private Payloads() {
    }

    public static DeploymentContext context(DeploymentProfile profile) {
        String p = profile.json();
        return p.startsWith("commercial") ? DeploymentContext.COMMERCIAL
                : p.startsWith("federal") ? DeploymentContext.SOVEREIGN_GOVERNMENT : DeploymentContext.DEFENSE_FORWARD;
    }

    public static BessCoupling coupling(DeploymentProfile profile) {
        String p = profile.json();
        return p.endsWith("no_bess") ? BessCoupling.NONE : p.endsWith("_ac") ? BessCoupling.AC_COUPLED
                : p.endsWith("dc_ext") ? BessCoupling.DC_EXTERNAL_PCS : BessCoupling.DC_INTEGRATED_PCS;
    }

    /** Grid-tied solar (so every profile has a grid container), H100, temperate. */
    public static ConfiguratorPayload of(DeploymentProfile profile, int gpus) {
        return of(profile, gpus, EnergySource.SOLAR, GridConnection.GRID_TIED, ClimateZone.TEMPERATE);
    }

    public static ConfiguratorPayload of(DeploymentProfile profile, int gpus, EnergySource source,
            GridConnection grid, ClimateZone zone) {
        DeploymentContext context = context(profile);
        BessCoupling coupling = coupling(profile);
        AwsPartition partition = switch (context) {
            case COMMERCIAL -> AwsPartition.STANDARD;
            case SOVEREIGN_GOVERNMENT -> AwsPartition.GOVCLOUD;
            case DEFENSE_FORWARD -> AwsPartition.NONE;
        };
        return new ConfiguratorPayload(ID, "Northwind Power", "Site Alpha", "ops@example.com", source, 40.0,
                PrimaryWorkload.AI_TRAINING, GpuVariant.H100_SXM, gpus, coupling,
                coupling == BessCoupling.NONE ? 0 : 8.0, grid, zone, context, partition);
    }

    public static String json(ConfiguratorPayload p) {
        return ArcnodeJson.write(p);
    }
}
