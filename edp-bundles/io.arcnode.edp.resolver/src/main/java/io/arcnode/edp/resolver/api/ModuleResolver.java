package io.arcnode.edp.resolver.api;

import java.util.List;

import io.arcnode.api.ValidationException;
import io.arcnode.api.Violation;
import io.arcnode.api.edp.AwsPartition;
import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ConfiguratorPayloads;
import io.arcnode.api.edp.DeploymentContext;
import io.arcnode.api.edp.DeploymentProfile;
import io.arcnode.api.edp.EdpConstants;
import io.arcnode.api.edp.EmsTarget;
import io.arcnode.api.edp.EnergySource;
import io.arcnode.api.edp.GridConnection;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.api.edp.SourcingTier;

/**
 * Spec 002's module resolver: a pure function of the payload. The profile table, sourcing tier and EMS target are
 * the spec's; the grid-container rule is ArcNode's (see README).
 */
public final class ModuleResolver {

    private ModuleResolver() {
    }

    /**
     * @throws ValidationException with rule {@code dod_excludes_dc_integrated_pcs} for the one invalid row of the
     *                             profile table (a 422 at the API)
     */
    public static ModuleResolution resolve(ConfiguratorPayload p) {
        int containers = containersFor(p.targetGpuCount());
        return new ModuleResolution(p.deploymentId(), profile(p.deploymentContext(), p.bessCoupling()), containers,
                gridContainerPresent(p.energySource(), p.gridConnection(), p.bessCoupling()), p.bessCoupling(),
                p.bessCapacityMwh(), sourcingTier(p.deploymentContext()), emsTarget(p.awsPartition()),
                p.gpuVariant(), gpuCount(containers, p.targetGpuCount()), p.climateZone());
    }

    /** ceil(gpus / 56) in integer arithmetic; at least one container. */
    public static int containersFor(int targetGpuCount) {
        if (targetGpuCount < 1) {
            throw new ValidationException(new Violation("target_gpu_count", "ge=1",
                    "target_gpu_count must be at least 1 (got " + targetGpuCount + ")"));
        }
        return (targetGpuCount - 1) / EdpConstants.GPUS_PER_COMPUTE_CONTAINER + 1; // no overflow near MAX_VALUE
    }

    /** containers x 56; a count that does not fit the contract's int is refused rather than wrapped. */
    private static int gpuCount(int containers, int targetGpuCount) {
        try {
            return Math.multiplyExact(containers, EdpConstants.GPUS_PER_COMPUTE_CONTAINER);
        } catch (ArithmeticException e) {
            throw new ValidationException(new Violation("target_gpu_count", "max",
                    "target_gpu_count " + targetGpuCount + " rounds up to more GPUs than a package can describe"));
        }
    }

    public static DeploymentProfile profile(DeploymentContext context, BessCoupling coupling) {
        return switch (context) {
            case COMMERCIAL -> switch (coupling) {
                case NONE -> DeploymentProfile.COMMERCIAL_NO_BESS;
                case AC_COUPLED -> DeploymentProfile.COMMERCIAL_AC;
                case DC_EXTERNAL_PCS -> DeploymentProfile.COMMERCIAL_DC_EXT;
                case DC_INTEGRATED_PCS -> DeploymentProfile.COMMERCIAL_DC_INT;
            };
            case SOVEREIGN_GOVERNMENT -> switch (coupling) {
                case NONE -> DeploymentProfile.FEDERAL_NO_BESS;
                case AC_COUPLED -> DeploymentProfile.FEDERAL_AC;
                case DC_EXTERNAL_PCS -> DeploymentProfile.FEDERAL_DC_EXT;
                case DC_INTEGRATED_PCS -> DeploymentProfile.FEDERAL_DC_INT;
            };
            case DEFENSE_FORWARD -> switch (coupling) {
                case NONE -> DeploymentProfile.DOD_NO_BESS;
                case AC_COUPLED -> DeploymentProfile.DOD_AC;
                case DC_EXTERNAL_PCS -> DeploymentProfile.DOD_DC_EXT;
                case DC_INTEGRATED_PCS -> throw new ValidationException(List.of(new Violation("",
                        ConfiguratorPayloads.DOD_EXCLUDES_DC_INTEGRATED_PCS,
                        ConfiguratorPayloads.DOD_EXCLUDES_DC_INTEGRATED_PCS_MESSAGE)));
            };
        };
    }

    public static SourcingTier sourcingTier(DeploymentContext context) {
        return switch (context) {
            case COMMERCIAL -> SourcingTier.COMMERCIAL;
            case SOVEREIGN_GOVERNMENT -> SourcingTier.FEDERAL_CIVILIAN;
            case DEFENSE_FORWARD -> SourcingTier.DOD_ELIGIBLE;
        };
    }

    public static EmsTarget emsTarget(AwsPartition partition) {
        return switch (partition) {
            case STANDARD -> EmsTarget.AWS_STANDARD;
            case GOVCLOUD -> EmsTarget.AWS_GOVCLOUD;
            case NONE -> EmsTarget.AIR_GAPPED;
        };
    }

    /**
     * The grid container holds the MV switchgear and transformer between the site's supply and the compute
     * containers; only a fully islanded site with no grid and no battery feeds the compute containers directly.
     */
    public static boolean gridContainerPresent(EnergySource source, GridConnection grid, BessCoupling coupling) {
        return !(source == EnergySource.OFF_GRID && grid == GridConnection.NONE && coupling == BessCoupling.NONE);
    }
}
