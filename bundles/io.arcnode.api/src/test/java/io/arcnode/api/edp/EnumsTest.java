package io.arcnode.api.edp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.JsonEnum;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnumsTest {

    @Test
    void jsonValuesMatchSpec() {
        assertEquals(List.of("nuclear", "solar", "grid_hybrid", "off_grid"), JsonEnum.allowedValues(EnergySource.class));
        assertEquals(List.of("ai_training", "ai_inference", "mixed"), JsonEnum.allowedValues(PrimaryWorkload.class));
        assertEquals(List.of("h100_sxm", "b200"), JsonEnum.allowedValues(GpuVariant.class));
        assertEquals(List.of("ac_coupled", "dc_integrated_pcs", "dc_external_pcs", "none"), JsonEnum.allowedValues(BessCoupling.class));
        assertEquals(List.of("none", "grid_tied", "grid_backup"), JsonEnum.allowedValues(GridConnection.class));
        assertEquals(List.of("subarctic", "temperate", "arid_hot", "tropical"), JsonEnum.allowedValues(ClimateZone.class));
        assertEquals(List.of("commercial", "sovereign_government", "defense_forward"), JsonEnum.allowedValues(DeploymentContext.class));
        assertEquals(List.of("standard", "govcloud", "none"), JsonEnum.allowedValues(AwsPartition.class));
        assertEquals(List.of("commercial", "federal_civilian", "dod_eligible"), JsonEnum.allowedValues(SourcingTier.class));
        assertEquals(List.of("aws_standard", "aws_govcloud", "air_gapped"), JsonEnum.allowedValues(EmsTarget.class));
        assertEquals(11, DeploymentProfile.values().length);
        assertTrue(JsonEnum.allowedValues(DeploymentProfile.class).contains("commercial_dc_int"));
        assertTrue(!JsonEnum.allowedValues(DeploymentProfile.class).contains("dod_dc_int"));
        assertEquals(List.of("running", "complete", "failed"), JsonEnum.allowedValues(JobStatus.class));
        assertEquals(List.of("bom", "compute_container_3d", "grid_container_3d", "interface_plate", "sld", "pid_cooling",
                "comms_diagram", "cable_hose_schedule", "installation_graph", "dtm"), JsonEnum.allowedValues(ArtifactKind.class));
    }

    @Test
    void fromJsonIsStrict() {
        assertEquals(BessCoupling.DC_EXTERNAL_PCS, BessCoupling.fromJson("dc_external_pcs"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BessCoupling.fromJson("NONE"));
        assertTrue(e.getMessage().contains("[ac_coupled, dc_integrated_pcs, dc_external_pcs, none]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EnergySource.fromJson(null));
        assertThrows(IllegalArgumentException.class, () -> EnergySource.fromJson("Solar"));
    }

    @Test
    void jacksonUsesJsonValue() throws Exception {
        assertEquals("\"grid_hybrid\"", ArcnodeJson.write(EnergySource.GRID_HYBRID));
        assertEquals(ClimateZone.ARID_HOT, ArcnodeJson.mapper().readValue("\"arid_hot\"", ClimateZone.class));
        assertThrows(Exception.class, () -> ArcnodeJson.mapper().readValue("\"ARID_HOT\"", ClimateZone.class));
        assertThrows(Exception.class, () -> ArcnodeJson.mapper().readValue("1", ClimateZone.class));
    }

    @Test
    void gpusPerContainer() {
        assertEquals(56, EdpConstants.GPUS_PER_COMPUTE_CONTAINER);
    }
}
