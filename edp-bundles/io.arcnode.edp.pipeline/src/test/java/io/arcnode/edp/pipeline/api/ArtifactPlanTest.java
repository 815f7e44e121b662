package io.arcnode.edp.pipeline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.edp.ArtifactKind;
import io.arcnode.api.edp.ArtifactRef;
import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ClimateZone;
import io.arcnode.api.edp.DeploymentProfile;
import io.arcnode.api.edp.EmsTarget;
import io.arcnode.api.edp.GpuVariant;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.api.edp.SourcingTier;
import io.arcnode.edp.hardware.api.HardwareSelection;
import io.arcnode.edp.hardware.api.HardwareSelector;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArtifactPlanTest {

    private static final UUID ID = UUID.fromString("1f0c6a2e-8d1b-4c7e-9a53-3f5f0e2b7c11");
    private static final String A = "s3://arcnode-artifacts/assemblies/";
    private static final HardwareSelector SELECTOR = HardwareSelector.load(key -> true);

    static ModuleResolution resolution(DeploymentProfile profile, BessCoupling coupling, boolean grid) {
        return new ModuleResolution(ID, profile, 3, grid, coupling, coupling == BessCoupling.NONE ? 0 : 8.0,
                SourcingTier.FEDERAL_CIVILIAN, EmsTarget.AWS_GOVCLOUD, GpuVariant.H100_SXM, 168,
                ClimateZone.ARID_HOT);
    }

    static HardwareSelection selection(DeploymentProfile profile, String... plates) {
        List<HardwareSelection.Plate> list = new ArrayList<>();
        for (String p : plates) {
            list.add(new HardwareSelection.Plate(p, A + p + ".step", A + p + ".dxf", A + p + ".pdf"));
        }
        return new HardwareSelection(profile, new HardwareSelection.Assembly(A + "c.step", A + "c.glb"),
                new HardwareSelection.Assembly(A + "g.step", A + "g.glb"), list);
    }

    private static List<String> urls(List<ArtifactRef> refs) {
        return refs.stream().map(ArtifactRef::url).toList();
    }

    @Test
    void exactUrlListForADcExternalPackageWithGridContainer() {
        List<ArtifactRef> refs = ArtifactPlan.plan(resolution(DeploymentProfile.FEDERAL_DC_EXT,
                BessCoupling.DC_EXTERNAL_PCS, true), SELECTOR.select(DeploymentProfile.FEDERAL_DC_EXT));
        String e = "s3://arcnode-artifacts/edp/1f0c6a2e-8d1b-4c7e-9a53-3f5f0e2b7c11/";
        assertEquals(List.of(
                e + "bom.json", e + "bom.xlsx",
                e + "compute_container.step", e + "compute_container.glb",
                e + "grid_container.step", e + "grid_container.glb",
                e + "plate_cl.step", e + "plate_cl.dxf", e + "plate_cl.pdf",
                e + "plate_nw.step", e + "plate_nw.dxf", e + "plate_nw.pdf",
                e + "plate_cg.step", e + "plate_cg.dxf", e + "plate_cg.pdf",
                e + "plate_bt.step", e + "plate_bt.dxf", e + "plate_bt.pdf",
                e + "sld.dxf", e + "sld.pdf",
                e + "pid_cooling.dxf", e + "pid_cooling.pdf",
                e + "comms.dxf", e + "comms.pdf",
                e + "cable_hose_schedule.json", e + "cable_hose_schedule.xlsx",
                e + "installation_graph.dxf", e + "installation_graph.pdf",
                e + "dtm.json"), urls(refs));
        assertEquals(new ArtifactRef(ArtifactKind.BOM, "json", e + "bom.json", null), refs.get(0));
        assertEquals(new ArtifactRef(ArtifactKind.GRID_CONTAINER_3D, "glb", e + "grid_container.glb", null),
                refs.get(5));
        assertEquals(new ArtifactRef(ArtifactKind.INTERFACE_PLATE, "dxf", e + "plate_bt.dxf", "BT"), refs.get(16));
        assertEquals(new ArtifactRef(ArtifactKind.COMMS_DIAGRAM, "pdf", e + "comms.pdf", null), refs.get(23));
        assertEquals(new ArtifactRef(ArtifactKind.DTM, "json", e + "dtm.json", null), refs.get(28));
        for (ArtifactRef r : refs) {
            assertEquals(r.kind() == ArtifactKind.INTERFACE_PLATE, r.plateId() != null, r.url());
            assertTrue(r.url().endsWith("." + r.format()), r.url());
        }
    }

    @Test
    void specExamplePlateCgStep() {
        List<ArtifactRef> refs = ArtifactPlan.plan(resolution(DeploymentProfile.COMMERCIAL_AC, BessCoupling.AC_COUPLED,
                true), SELECTOR.select(DeploymentProfile.COMMERCIAL_AC));
        assertTrue(refs.contains(new ArtifactRef(ArtifactKind.INTERFACE_PLATE, "step",
                "s3://arcnode-artifacts/edp/" + ID + "/plate_cg.step", "CG")));
        assertEquals("s3://arcnode-artifacts/edp/" + ID + "/plate_cg.step",
                ArtifactPlan.url(ID, ArtifactKind.INTERFACE_PLATE, "CG", "step"));
    }

    @Test
    void noGridContainerMeansNoGridModelAndNoCgPlate() {
        List<ArtifactRef> refs = ArtifactPlan.plan(resolution(DeploymentProfile.DOD_NO_BESS, BessCoupling.NONE, false),
                SELECTOR.select(DeploymentProfile.DOD_NO_BESS));
        String e = "s3://arcnode-artifacts/edp/" + ID + "/";
        assertEquals(List.of(e + "bom.json", e + "bom.xlsx", e + "compute_container.step", e + "compute_container.glb",
                e + "plate_cl.step", e + "plate_cl.dxf", e + "plate_cl.pdf",
                e + "plate_nw.step", e + "plate_nw.dxf", e + "plate_nw.pdf",
                e + "sld.dxf", e + "sld.pdf", e + "pid_cooling.dxf", e + "pid_cooling.pdf", e + "comms.dxf",
                e + "comms.pdf", e + "cable_hose_schedule.json", e + "cable_hose_schedule.xlsx",
                e + "installation_graph.dxf", e + "installation_graph.pdf", e + "dtm.json"), urls(refs));
    }

    /** Plate rules for every profile with the shipped map, grid container present and absent. */
    @ParameterizedTest
    @EnumSource(DeploymentProfile.class)
    void platesPerProfile(DeploymentProfile profile) {
        boolean dc = profile.json().contains("_dc_");
        BessCoupling coupling = dc ? BessCoupling.DC_EXTERNAL_PCS : BessCoupling.NONE;
        for (boolean grid : new boolean[] {true, false}) {
            List<ArtifactRef> refs = ArtifactPlan.plan(resolution(profile, coupling, grid), SELECTOR.select(profile));
            List<String> plates = refs.stream().filter(r -> r.kind() == ArtifactKind.INTERFACE_PLATE)
                    .map(r -> r.plateId() + "." + r.format()).toList();
            List<String> expected = new ArrayList<>(List.of("CL.step", "CL.dxf", "CL.pdf", "NW.step", "NW.dxf",
                    "NW.pdf"));
            if (grid) {
                expected.addAll(List.of("CG.step", "CG.dxf", "CG.pdf"));
            }
            if (dc) {
                expected.addAll(List.of("BT.step", "BT.dxf", "BT.pdf"));
            }
            assertEquals(expected, plates, profile + " grid=" + grid);
            assertEquals(grid ? 2 : 0, refs.stream().filter(r -> r.kind() == ArtifactKind.GRID_CONTAINER_3D).count());
            Set<ArtifactKind> kinds = EnumSet.noneOf(ArtifactKind.class);
            refs.forEach(r -> kinds.add(r.kind()));
            assertEquals(grid ? EnumSet.allOf(ArtifactKind.class)
                    : EnumSet.complementOf(EnumSet.of(ArtifactKind.GRID_CONTAINER_3D)), kinds);
            assertEquals(refs.size(), new HashSet<>(urls(refs)).size(), "URLs are unique");
        }
    }

    @Test
    void btFollowsTheSelectionNotTheCoupling() {
        ModuleResolution r = resolution(DeploymentProfile.COMMERCIAL_DC_INT, BessCoupling.DC_INTEGRATED_PCS, true);
        assertTrue(urls(ArtifactPlan.plan(r, selection(DeploymentProfile.COMMERCIAL_DC_INT, "CL", "NW", "CG", "BT")))
                .contains("s3://arcnode-artifacts/edp/" + ID + "/plate_bt.pdf"));
        assertTrue(urls(ArtifactPlan.plan(r, selection(DeploymentProfile.COMMERCIAL_DC_INT, "CL", "NW", "CG")))
                .stream().noneMatch(u -> u.contains("plate_bt")));
    }

    @Test
    void inconsistentSelectionIsRefused() {
        ModuleResolution r = resolution(DeploymentProfile.FEDERAL_AC, BessCoupling.AC_COUPLED, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArtifactPlan.plan(r, selection(DeploymentProfile.FEDERAL_AC, "CL", "NW")));
        assertTrue(e.getMessage().contains("lacks interface plate CG"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ArtifactPlan.plan(r, selection(DeploymentProfile.DOD_AC, "CL", "NW", "CG")));
        assertTrue(e.getMessage().contains("dod_ac"), e.getMessage());
    }

    @Test
    void planTwiceGivesTheSameListAndTheSameJsonBytes() {
        ModuleResolution r = resolution(DeploymentProfile.FEDERAL_DC_INT, BessCoupling.DC_INTEGRATED_PCS, true);
        List<ArtifactRef> a = ArtifactPlan.plan(r, SELECTOR.select(DeploymentProfile.FEDERAL_DC_INT));
        List<ArtifactRef> b = ArtifactPlan.plan(r, HardwareSelector.load(k -> true)
                .select(DeploymentProfile.FEDERAL_DC_INT));
        assertEquals(a, b);
        assertEquals(ArcnodeJson.write(a), ArcnodeJson.write(b));
        assertThrows(UnsupportedOperationException.class, () -> a.remove(0));
    }

    @Test
    void nameMappingIsSpec002sTable() {
        assertEquals("bom", ArtifactPlan.artifactName(ArtifactKind.BOM, null));
        assertEquals("compute_container", ArtifactPlan.artifactName(ArtifactKind.COMPUTE_CONTAINER_3D, null));
        assertEquals("grid_container", ArtifactPlan.artifactName(ArtifactKind.GRID_CONTAINER_3D, null));
        assertEquals("plate_nw", ArtifactPlan.artifactName(ArtifactKind.INTERFACE_PLATE, "NW"));
        assertEquals("sld", ArtifactPlan.artifactName(ArtifactKind.SLD, null));
        assertEquals("pid_cooling", ArtifactPlan.artifactName(ArtifactKind.PID_COOLING, null));
        assertEquals("comms", ArtifactPlan.artifactName(ArtifactKind.COMMS_DIAGRAM, null));
        assertEquals("cable_hose_schedule", ArtifactPlan.artifactName(ArtifactKind.CABLE_HOSE_SCHEDULE, null));
        assertEquals("installation_graph", ArtifactPlan.artifactName(ArtifactKind.INSTALLATION_GRAPH, null));
        assertEquals("dtm", ArtifactPlan.artifactName(ArtifactKind.DTM, null));
        assertThrows(IllegalArgumentException.class, () -> ArtifactPlan.artifactName(ArtifactKind.INTERFACE_PLATE, null));
        assertThrows(IllegalArgumentException.class, () -> ArtifactPlan.artifactName(ArtifactKind.SLD, "CL"));
    }

    @Test
    void keyOfARefIsItsUrlWithoutTheBucket() {
        List<ArtifactRef> refs = ArtifactPlan.plan(resolution(DeploymentProfile.DOD_AC, BessCoupling.AC_COUPLED, true),
                SELECTOR.select(DeploymentProfile.DOD_AC));
        assertEquals("edp/" + ID + "/bom.json", ArtifactPlan.key(refs.get(0)));
        assertEquals("edp/" + ID + "/dtm.json", ArtifactPlan.key(refs.get(refs.size() - 1)));
        for (ArtifactRef r : refs) {
            assertEquals(r.url(), ArtifactStore.URL_PREFIX + ArtifactPlan.key(r));
        }
        assertThrows(IllegalArgumentException.class, () -> ArtifactPlan.key(new ArtifactRef(ArtifactKind.BOM, "json",
                "s3://other-bucket/edp/x/bom.json", null)));
        assertThrows(IllegalArgumentException.class, () -> ArtifactPlan.key(new ArtifactRef(ArtifactKind.BOM, "json",
                "s3://arcnode-artifacts/assemblies/x/bom.json", null)));
        assertThrows(IllegalArgumentException.class, () -> ArtifactPlan.key(new ArtifactRef(ArtifactKind.BOM, "json",
                "s3://arcnode-artifacts/edp/../bom.json", null)));
    }
}
