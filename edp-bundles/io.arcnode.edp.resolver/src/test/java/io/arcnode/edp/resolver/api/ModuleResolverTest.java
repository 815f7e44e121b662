package io.arcnode.edp.resolver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.arcnode.api.ValidationException;
import io.arcnode.api.edp.AwsPartition;
import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ClimateZone;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.DeploymentContext;
import io.arcnode.api.edp.DeploymentProfile;
import io.arcnode.api.edp.EmsTarget;
import io.arcnode.api.edp.EnergySource;
import io.arcnode.api.edp.GpuVariant;
import io.arcnode.api.edp.GridConnection;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.api.edp.PrimaryWorkload;
import io.arcnode.api.edp.SourcingTier;

class ModuleResolverTest {

    private static final UUID ID = UUID.fromString("1f0c6a2e-8d1b-4c7e-9a53-3f5f0e2b7c11");

    static ConfiguratorPayload payload(DeploymentContext context, BessCoupling coupling, int gpus) {
        return new ConfiguratorPayload(ID, "Operator", "Site", "ops@example.com", EnergySource.GRID_HYBRID, 20.0,
                PrimaryWorkload.AI_TRAINING, GpuVariant.B200, gpus, coupling, coupling == BessCoupling.NONE ? 0 : 8.0,
                GridConnection.GRID_TIED, ClimateZone.TEMPERATE, context,
                context == DeploymentContext.COMMERCIAL ? AwsPartition.STANDARD : AwsPartition.GOVCLOUD);
    }

    /** Every row of spec 002's profile table. */
    @ParameterizedTest
    @CsvSource({
            "COMMERCIAL, NONE, COMMERCIAL_NO_BESS", "COMMERCIAL, AC_COUPLED, COMMERCIAL_AC",
            "COMMERCIAL, DC_EXTERNAL_PCS, COMMERCIAL_DC_EXT", "COMMERCIAL, DC_INTEGRATED_PCS, COMMERCIAL_DC_INT",
            "SOVEREIGN_GOVERNMENT, NONE, FEDERAL_NO_BESS", "SOVEREIGN_GOVERNMENT, AC_COUPLED, FEDERAL_AC",
            "SOVEREIGN_GOVERNMENT, DC_EXTERNAL_PCS, FEDERAL_DC_EXT",
            "SOVEREIGN_GOVERNMENT, DC_INTEGRATED_PCS, FEDERAL_DC_INT", "DEFENSE_FORWARD, NONE, DOD_NO_BESS",
            "DEFENSE_FORWARD, AC_COUPLED, DOD_AC", "DEFENSE_FORWARD, DC_EXTERNAL_PCS, DOD_DC_EXT" })
    void profileTableRow(DeploymentContext context, BessCoupling coupling, DeploymentProfile expected) {
        ModuleResolution r = ModuleResolver.resolve(payload(context, coupling, 100));
        assertEquals(expected, r.deploymentProfile());
        assertEquals(coupling, r.bessCoupling());
        assertEquals(ID, r.deploymentId());
    }

    @Test
    void defenseWithIntegratedPcsIsRejectedWithTheSpecRule() {
        ValidationException e = assertThrows(ValidationException.class, () -> ModuleResolver
                .resolve(payload(DeploymentContext.DEFENSE_FORWARD, BessCoupling.DC_INTEGRATED_PCS, 56)));
        assertEquals("dod_excludes_dc_integrated_pcs", e.violations().get(0).rule());
        assertEquals("defense_forward + dc_integrated_pcs is not procurable (CATL exclusion)",
                e.violations().get(0).message());
    }

    @ParameterizedTest
    @CsvSource({ "1, 1", "55, 1", "56, 1", "57, 2", "112, 2", "113, 3", "560, 10", "5600, 100", "56000, 1000",
            "2147483647, 38347923" })
    void containersAreTheCeilingOfGpusOver56(int gpus, int containers) {
        assertEquals(containers, ModuleResolver.containersFor(gpus));
        if (gpus < 100_000) {
            ModuleResolution r = ModuleResolver.resolve(payload(DeploymentContext.COMMERCIAL, BessCoupling.NONE, gpus));
            assertEquals(containers, r.computeContainerCount());
            assertEquals(containers * 56, r.gpuCount());
        }
    }

    @Test
    void aCountThatOverflowsTheContractIsRefusedNotWrapped() {
        ValidationException e = assertThrows(ValidationException.class, () -> ModuleResolver
                .resolve(payload(DeploymentContext.COMMERCIAL, BessCoupling.NONE, Integer.MAX_VALUE)));
        assertEquals("target_gpu_count", e.violations().get(0).field());
    }

    @Test
    void sourcingTierFollowsContext() {
        assertEquals(SourcingTier.COMMERCIAL, ModuleResolver.sourcingTier(DeploymentContext.COMMERCIAL));
        assertEquals(SourcingTier.FEDERAL_CIVILIAN, ModuleResolver.sourcingTier(DeploymentContext.SOVEREIGN_GOVERNMENT));
        assertEquals(SourcingTier.DOD_ELIGIBLE, ModuleResolver.sourcingTier(DeploymentContext.DEFENSE_FORWARD));
    }

    @Test
    void emsTargetFollowsPartition() {
        assertEquals(EmsTarget.AWS_STANDARD, ModuleResolver.emsTarget(AwsPartition.STANDARD));
        assertEquals(EmsTarget.AWS_GOVCLOUD, ModuleResolver.emsTarget(AwsPartition.GOVCLOUD));
        assertEquals(EmsTarget.AIR_GAPPED, ModuleResolver.emsTarget(AwsPartition.NONE));
    }

    @ParameterizedTest
    @EnumSource(EnergySource.class)
    void gridContainerIsAbsentOnlyForAnIslandedSiteWithoutBattery(EnergySource source) {
        for (GridConnection grid : GridConnection.values()) {
            for (BessCoupling coupling : BessCoupling.values()) {
                boolean islanded = source == EnergySource.OFF_GRID && grid == GridConnection.NONE
                        && coupling == BessCoupling.NONE;
                assertEquals(!islanded, ModuleResolver.gridContainerPresent(source, grid, coupling),
                        source + "/" + grid + "/" + coupling);
            }
        }
        assertFalse(ModuleResolver.gridContainerPresent(EnergySource.OFF_GRID, GridConnection.NONE, BessCoupling.NONE));
        assertTrue(ModuleResolver.gridContainerPresent(EnergySource.OFF_GRID, GridConnection.NONE,
                BessCoupling.AC_COUPLED));
    }

    @Test
    void resolutionCarriesThePayloadsFields() {
        ModuleResolution r = ModuleResolver
                .resolve(payload(DeploymentContext.SOVEREIGN_GOVERNMENT, BessCoupling.AC_COUPLED, 200));
        assertEquals(8.0, r.bessCapacityMwh());
        assertEquals(GpuVariant.B200, r.gpuVariant());
        assertEquals(ClimateZone.TEMPERATE, r.climateZone());
        assertEquals(4, r.computeContainerCount());
        assertTrue(r.gridContainerPresent());
    }
}
