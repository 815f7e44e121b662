package io.arcnode.edp.bom.internal;

import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.api.edp.SourcingTier;
import io.arcnode.edp.resolver.api.ModuleResolver;
import java.util.Objects;

/** The input rules shared by the BOM and the schedule generator. */
public final class BomInputs {

    private BomInputs() {
    }

    /**
     * @throws IllegalArgumentException when the two name different deployments, when the resolution pairs
     *                                  {@code dod_eligible} with {@code dc_integrated_pcs} (CATL exclusion), or when
     *                                  the resolution is not the resolver's result for the payload
     */
    public static void check(ConfiguratorPayload payload, ModuleResolution resolution) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(resolution, "resolution");
        if (!resolution.deploymentId().equals(payload.deploymentId())) {
            throw new IllegalArgumentException("payload deployment_id " + payload.deploymentId()
                    + " differs from resolution deployment_id " + resolution.deploymentId());
        }
        if (resolution.sourcingTier() == SourcingTier.DOD_ELIGIBLE
                && resolution.bessCoupling() == BessCoupling.DC_INTEGRATED_PCS) {
            throw new IllegalArgumentException("sourcing_tier dod_eligible with bess_coupling dc_integrated_pcs is "
                    + "not procurable: the integrated PCS is CATL-only and CATL is excluded from DoD procurement");
        }
        ModuleResolution expected = ModuleResolver.resolve(payload);
        if (!expected.equals(resolution)) {
            throw new IllegalArgumentException("resolution is not the module resolver's result for this payload: "
                    + "expected " + expected + ", got " + resolution);
        }
    }
}
