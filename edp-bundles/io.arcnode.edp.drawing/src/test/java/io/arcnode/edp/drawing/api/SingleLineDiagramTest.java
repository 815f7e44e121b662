package io.arcnode.edp.drawing.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.arcnode.edp.drawing.internal.SldLayout;
import io.arcnode.edp.testreaders.api.DxfPairs;
import io.arcnode.edp.testreaders.api.Ezdxf;
import io.arcnode.edp.testreaders.api.PdfText;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SingleLineDiagramTest {

    static final UUID ID = UUID.fromString("6d1f0c3a-8b2e-4c5d-9e7f-0123456789ab");

    static ConfiguratorPayload payload(EnergySource src, int gpus, BessCoupling bess, GridConnection grid) {
        return new ConfiguratorPayload(ID, "Northwind Power", "Site Alpha", "ops@example.com", src, 50,
                PrimaryWorkload.AI_TRAINING, GpuVariant.H100_SXM, gpus, bess, bess == BessCoupling.NONE ? 0 : 20,
                grid, ClimateZone.TEMPERATE, DeploymentContext.COMMERCIAL, AwsPartition.STANDARD);
    }

    static ModuleResolution resolution(ConfiguratorPayload p) {
        int n = (p.targetGpuCount() + 55) / 56;
        DeploymentProfile profile = switch (p.bessCoupling()) {
            case NONE -> DeploymentProfile.COMMERCIAL_NO_BESS;
            case AC_COUPLED -> DeploymentProfile.COMMERCIAL_AC;
            case DC_EXTERNAL_PCS -> DeploymentProfile.COMMERCIAL_DC_EXT;
            case DC_INTEGRATED_PCS -> DeploymentProfile.COMMERCIAL_DC_INT;
        };
        boolean grid = !(p.energySource() == EnergySource.OFF_GRID && p.gridConnection() == GridConnection.NONE
                && p.bessCoupling() == BessCoupling.NONE);
        return new ModuleResolution(p.deploymentId(), profile, n, grid, p.bessCoupling(), p.bessCapacityMwh(),
                SourcingTier.COMMERCIAL, EmsTarget.AWS_STANDARD, p.gpuVariant(), n * 56, p.climateZone());
    }

    static Drawing sld(EnergySource src, int gpus, BessCoupling bess, GridConnection grid) {
        ConfiguratorPayload p = payload(src, gpus, bess, grid);
        return SingleLineDiagram.generate(p, resolution(p), "A", "2025-06-01");
    }

    static String pdfText(Drawing d) throws Exception {
        return PdfText.of(d.pdf());
    }

    static List<String> dxfTexts(Drawing d) {
        return DxfPairs.parse(d.dxf()).values("ENTITIES", 1);
    }

    /** Block names referenced by model-space INSERTs. */
    static List<String> inserted(Drawing d) {
        List<DxfPairs.Pair> e = DxfPairs.parse(d.dxf()).section("ENTITIES");
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            if (e.get(i).equals(new DxfPairs.Pair(0, "INSERT"))) {
                int j = i + 1;
                while (e.get(j).code() != 2) {
                    j++;
                }
                out.add(e.get(j).value());
            }
        }
        return out;
    }

    static List<String> entityLayers(Drawing d) {
        return DxfPairs.parse(d.dxf()).values("ENTITIES", 8);
    }

    @Test
    void containerCountAppearsInPdfAndDxf() throws Exception {
        Drawing d = sld(EnergySource.SOLAR, 560, BessCoupling.AC_COUPLED, GridConnection.GRID_TIED);
        String text = pdfText(d);
        List<String> dxf = dxfTexts(d);
        for (String s : List.of("COMPUTE CONTAINERS: 10", "compute-01", "compute-10", "C10", "71.4 kW",
                "SINGLE LINE DIAGRAM", "Site Alpha", "Northwind Power", ID.toString(), "EDP-6D1F0C3A-SLD-001")) {
            assertTrue(text.contains(s), s + " in PDF:\n" + text);
            assertTrue(dxf.stream().anyMatch(v -> v.contains(s)), s + " in DXF");
        }
        assertFalse(text.contains("compute-11"));
        assertEquals(10, inserted(d).stream().filter(SldLayout.S_COMPUTE::equals).count());
    }

    @Test
    void manyContainersAreSummarisedAfterTwenty() throws Exception {
        Drawing d = sld(EnergySource.NUCLEAR, 56_000, BessCoupling.NONE, GridConnection.GRID_BACKUP);
        List<String> ins = inserted(d);
        assertEquals(20, ins.stream().filter(SldLayout.S_COMPUTE::equals).count());
        assertEquals(1, ins.stream().filter(SldLayout.S_COMPUTE_GROUP::equals).count());
        String text = pdfText(d);
        for (String s : List.of("COMPUTE CONTAINERS: 1000", "compute-0001", "compute-0020", "compute-0021 ..",
                "compute-1000", "(980 containers)", "71400.0 kW")) {
            assertTrue(text.contains(s), s + " in PDF:\n" + text);
            assertTrue(dxfTexts(d).stream().anyMatch(v -> v.contains(s)), s + " in DXF");
        }
        assertFalse(dxfTexts(d).contains("compute-0021"));
        assertTrue(ins.contains(SldLayout.S_NUCLEAR));
    }

    @Test
    void acAndDcTopologiesDiffer() throws Exception {
        Drawing ac = sld(EnergySource.SOLAR, 112, BessCoupling.AC_COUPLED, GridConnection.GRID_TIED);
        Drawing dcExt = sld(EnergySource.SOLAR, 112, BessCoupling.DC_EXTERNAL_PCS, GridConnection.GRID_TIED);
        Drawing dcInt = sld(EnergySource.SOLAR, 112, BessCoupling.DC_INTEGRATED_PCS, GridConnection.GRID_TIED);
        assertFalse(entityLayers(ac).contains(SldLayout.L_DC_BUS));
        assertTrue(entityLayers(dcExt).contains(SldLayout.L_DC_BUS));
        assertTrue(entityLayers(dcInt).contains(SldLayout.L_DC_BUS));
        assertFalse(pdfText(ac).contains("DC BUS"));
        assertTrue(pdfText(ac).contains("PCS (AC-COUPLED)"));
        assertTrue(pdfText(dcExt).contains("DC BUS (BT PLATE)"));
        assertTrue(pdfText(dcExt).contains("EXTERNAL PCS"));
        assertTrue(pdfText(dcInt).contains("BESS WITH INTEGRATED PCS"));
        assertTrue(entityLayers(dcInt).contains(SldLayout.L_ENCLOSURE));
        for (Drawing d : List.of(ac, dcExt, dcInt)) {
            assertTrue(inserted(d).contains(SldLayout.S_BATTERY));
            assertTrue(inserted(d).contains(SldLayout.S_PCS));
            assertTrue(pdfText(d).contains("BESS 20 MWh"));
        }
        assertFalse(java.util.Arrays.equals(ac.dxf(), dcExt.dxf()));
    }

    @Test
    void noBessBranchForNone() throws Exception {
        Drawing d = sld(EnergySource.SOLAR, 56, BessCoupling.NONE, GridConnection.GRID_TIED);
        assertFalse(inserted(d).contains(SldLayout.S_BATTERY));
        assertFalse(inserted(d).contains(SldLayout.S_PCS));
        assertFalse(entityLayers(d).contains(SldLayout.L_DC_BUS));
        assertFalse(pdfText(d).contains("MWh"));
        assertTrue(pdfText(d).contains("BESS COUPLING: none"));
    }

    @Test
    void gridContainerPresentOrAbsent() throws Exception {
        Drawing with = sld(EnergySource.SOLAR, 56, BessCoupling.NONE, GridConnection.GRID_TIED);
        Drawing without = sld(EnergySource.OFF_GRID, 56, BessCoupling.NONE, GridConnection.NONE);
        assertTrue(inserted(with).contains(SldLayout.S_GRID_CONTAINER));
        assertTrue(inserted(with).contains(SldLayout.S_UTILITY));
        assertTrue(pdfText(with).contains("grid-01 (G01)"));
        assertTrue(pdfText(with).contains("grid_container_commercial_ac"));
        assertFalse(inserted(without).contains(SldLayout.S_GRID_CONTAINER));
        assertFalse(inserted(without).contains(SldLayout.S_UTILITY));
        assertTrue(inserted(without).contains(SldLayout.S_GENERATOR));
        assertFalse(pdfText(without).contains("grid-01"));
        assertTrue(pdfText(without).contains("MAIN BREAKER"));
        assertTrue(pdfText(without).contains("GRID CONTAINER: not present"));
    }

    @ParameterizedTest
    @EnumSource(BessCoupling.class)
    void deterministicBothFormats(BessCoupling c) {
        Drawing a = sld(EnergySource.GRID_HYBRID, 1_200, c, GridConnection.GRID_TIED);
        Drawing b = sld(EnergySource.GRID_HYBRID, 1_200, c, GridConnection.GRID_TIED);
        assertArrayEquals(a.dxf(), b.dxf());
        assertArrayEquals(a.pdf(), b.pdf());
    }

    @Test
    void dxfStructureAndEzdxf(@TempDir Path dir) throws Exception {
        for (BessCoupling c : BessCoupling.values()) {
            Drawing d = sld(EnergySource.SOLAR, 1_500, c, GridConnection.GRID_TIED);
            Ezdxf.auditDrawing(String.valueOf(c), d.dxf(), d.sheet().toDxfModel().entityCounts(), dir);
        }
    }

    @Test
    void mismatchedDeploymentIsRejected() {
        ConfiguratorPayload p = payload(EnergySource.SOLAR, 56, BessCoupling.NONE, GridConnection.GRID_TIED);
        ModuleResolution r = resolution(payload(EnergySource.SOLAR, 56, BessCoupling.NONE, GridConnection.GRID_TIED));
        ModuleResolution other = new ModuleResolution(UUID.randomUUID(), r.deploymentProfile(), 1, true, r.bessCoupling(),
                0, r.sourcingTier(), r.emsTarget(), r.gpuVariant(), 56, r.climateZone());
        assertThrows(IllegalArgumentException.class, () -> SingleLineDiagram.sheet(p, other, "A", "2025-06-01"));
    }

    @Test
    void moduleIdsArePadded() {
        assertEquals("compute-01", SldLayout.computeId(1, 9));
        assertEquals("compute-99", SldLayout.computeId(99, 99));
        assertEquals("compute-001", SldLayout.computeId(1, 100));
        assertEquals("C0100", SldLayout.position(100, 1000));
        assertEquals(71.4, SldLayout.containerKw(GpuVariant.H100_SXM));
        assertEquals(100.1, SldLayout.containerKw(GpuVariant.B200));
    }
}
