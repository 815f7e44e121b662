package io.arcnode.edp.installationgraph.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.edp.AwsPartition;
import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ClimateZone;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.DeploymentContext;
import io.arcnode.api.edp.EnergySource;
import io.arcnode.api.edp.GpuVariant;
import io.arcnode.api.edp.GridConnection;
import io.arcnode.api.edp.PrimaryWorkload;
import io.arcnode.edp.drawing.api.Drawing;
import io.arcnode.edp.drawing.api.Sheet;
import io.arcnode.edp.installationgraph.internal.IgLayout;
import io.arcnode.edp.installationgraph.internal.InstallationSteps;
import io.arcnode.edp.resolver.api.ModuleResolver;
import io.arcnode.edp.testreaders.api.DxfEntities;
import io.arcnode.edp.testreaders.api.Ezdxf;
import io.arcnode.edp.testreaders.api.PdfText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Inputs: commercial payloads (H100, temperate) resolved by the real {@link ModuleResolver}. */
class InstallationGraphTest {

    static final UUID ID = UUID.fromString("6d1f0c3a-8b2e-4c5d-9e7f-0123456789ab");

    static ConfiguratorPayload payload(EnergySource src, int gpus, BessCoupling bess, GridConnection grid) {
        return new ConfiguratorPayload(ID, "Northwind Power", "Site Alpha", "ops@example.com", src, 50,
                PrimaryWorkload.AI_TRAINING, GpuVariant.H100_SXM, gpus, bess, bess == BessCoupling.NONE ? 0 : 20,
                grid, ClimateZone.TEMPERATE, DeploymentContext.COMMERCIAL, AwsPartition.STANDARD);
    }

    /** Grid-tied solar. */
    static ConfiguratorPayload payload(int gpus, BessCoupling bess) {
        return payload(EnergySource.SOLAR, gpus, bess, GridConnection.GRID_TIED);
    }

    /** Off-grid without BESS: no grid container. */
    static ConfiguratorPayload offGrid(int gpus) {
        return payload(EnergySource.OFF_GRID, gpus, BessCoupling.NONE, GridConnection.NONE);
    }

    static Drawing ig(ConfiguratorPayload p) {
        return InstallationGraph.generate(p, ModuleResolver.resolve(p), "A", "2025-06-01");
    }

    static InstallationSteps steps(ConfiguratorPayload p) {
        return InstallationSteps.of(p, ModuleResolver.resolve(p));
    }

    static List<Sheet.Polyline> polylines(Drawing d, String layer, boolean closed) {
        return d.sheet().shapes().stream().filter(s -> s instanceof Sheet.Polyline pl && pl.layer().equals(layer)
                && pl.closed() == closed).map(s -> (Sheet.Polyline) s).toList();
    }

    @Test
    void contentInPdfAndDxf() throws Exception {
        Drawing d = ig(payload(168, BessCoupling.AC_COUPLED));
        String text = PdfText.of(d.pdf());
        List<String> dxf = DxfEntities.of(d.dxf()).texts();
        for (String s : List.of("INSTALLATION GRAPH", "EDP-6D1F0C3A-IG-001", "Northwind Power", "SITE PREPARATION",
                "FOUNDATIONS / PADS", "GRID CONTAINER", "grid_container_commercial_ac", "compute-01 (C01)",
                "compute-03 (C03)", "BESS PLACEMENT", "(AC-COUPLED)", "MV/LV POWER", "CL PLATES: 3 x CDU",
                "NETWORK / COMMS", "COMMISSIONING", "HANDOVER", "6 x DRY COOLER", "3 COMPUTE, 1 GRID",
                "COMPUTE CONTAINERS: 3 (ONE PLACEMENT STEP EACH)")) {
            assertTrue(text.contains(s), s + " in PDF:\n" + text);
            assertTrue(dxf.stream().anyMatch(v -> v.contains(s)), s + " in DXF");
        }
        assertFalse(text.contains("DC BUS"));
    }

    @Test
    void longestPathRanks() {
        Map<String, Integer> ac = steps(payload(168, BessCoupling.AC_COUPLED)).ranks();
        assertEquals(0, ac.get("site"));
        assertEquals(1, ac.get("foundations"));
        for (String id : List.of("grid", "compute-1", "compute-3", "bess", "heat_rejection")) {
            assertEquals(2, ac.get(id), id);
        }
        assertEquals(3, ac.get("power"));
        assertEquals(4, ac.get("coolant"));
        assertEquals(5, ac.get("network"));
        assertEquals(7, ac.get("handover"));
        Map<String, Integer> dc = steps(payload(168, BessCoupling.DC_EXTERNAL_PCS)).ranks();
        assertEquals(2, dc.get("pcs"));
        assertEquals(3, dc.get("dc_bus"));
        assertEquals(4, dc.get("power"), "the DC bus adds a rank before the power connections");
        assertEquals(8, dc.get("handover"));
        // every edge goes strictly to the right
        InstallationSteps g = steps(payload(56_000, BessCoupling.DC_INTEGRATED_PCS));
        Map<String, Integer> r = g.ranks();
        for (InstallationSteps.Edge e : g.edges()) {
            assertTrue(r.get(e.from()) < r.get(e.to()), e.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(BessCoupling.class)
    void bessCouplingShapesTheGraph(BessCoupling bess) throws Exception {
        ConfiguratorPayload p = payload(112, bess);
        InstallationSteps g = steps(p);
        String text = PdfText.of(ig(p).pdf());
        switch (bess) {
            case NONE -> {
                assertNull(g.node("bess"));
                assertNull(g.node("dc_bus"));
                assertFalse(text.contains("BESS PLACEMENT"));
            }
            case AC_COUPLED -> {
                assertTrue(g.edges().contains(new InstallationSteps.Edge("bess", "power")));
                assertNull(g.node("dc_bus"));
            }
            case DC_EXTERNAL_PCS -> {
                assertTrue(text.contains("EXTERNAL PCS"));
                assertTrue(text.contains("DC BUS CONNECTION"));
                assertTrue(g.edges().contains(new InstallationSteps.Edge("pcs", "dc_bus")));
                assertTrue(g.edges().contains(new InstallationSteps.Edge("dc_bus", "power")));
            }
            case DC_INTEGRATED_PCS -> {
                assertTrue(text.contains("INTEGRATED PCS"));
                assertNull(g.node("pcs"));
                assertTrue(g.edges().contains(new InstallationSteps.Edge("bess", "dc_bus")));
            }
            default -> throw new IllegalStateException();
        }
    }

    @Test
    void gridContainerPresentOrAbsent() throws Exception {
        ConfiguratorPayload with = payload(56, BessCoupling.NONE);
        ConfiguratorPayload without = offGrid(56);
        String a = PdfText.of(ig(with).pdf());
        String b = PdfText.of(ig(without).pdf());
        assertTrue(a.contains("GRID CONTAINER"));
        assertTrue(a.contains("MV/LV POWER"));
        assertFalse(b.contains("grid-01"));
        assertTrue(b.contains("LV POWER"));
        assertFalse(b.contains("MV/LV POWER"));
        assertTrue(b.contains("GRID CONTAINER: not present"));
        assertEquals(steps(with).nodes().size() - 1, steps(without).nodes().size());
        assertEquals(polylines(ig(with), IgLayout.L_NODES, true).size() - 1,
                polylines(ig(without), IgLayout.L_NODES, true).size());
    }

    @Test
    void computeContainersOneNodeEachOrGroupedIntoTen() throws Exception {
        assertEquals(3, computeNodes(steps(payload(168, BessCoupling.NONE))));
        assertEquals(10, computeNodes(steps(payload(560, BessCoupling.NONE))));
        InstallationSteps g11 = steps(payload(616, BessCoupling.NONE));
        assertEquals(6, computeNodes(g11), "11 containers in groups of 2");
        assertEquals(List.of("compute-11 (C11)"), g11.node("compute-11").detail());
        ConfiguratorPayload big = payload(56_000, BessCoupling.NONE);
        assertEquals(10, computeNodes(steps(big)));
        String text = PdfText.of(ig(big).pdf());
        for (String s : List.of("compute-0001 ..", "compute-0100 (100)", "compute-0901 ..", "compute-1000 (100)",
                "GROUPED INTO 10 PLACEMENT STEPS", "CL PLATES: 1000 x CDU")) {
            assertTrue(text.contains(s), s + " in PDF:\n" + text);
        }
    }

    static long computeNodes(InstallationSteps g) {
        return g.nodes().stream().filter(n -> n.id().startsWith("compute-")).count();
    }

    @ParameterizedTest
    @EnumSource(BessCoupling.class)
    void arrowsBoxesAndGeometry(BessCoupling bess) {
        for (int gpus : List.of(56, 56_000)) {
            ConfiguratorPayload p = payload(gpus, bess);
            InstallationSteps g = steps(p);
            Drawing d = ig(p);
            // one open polyline per edge, one closed arrowhead per target
            assertEquals(g.edges().size(), polylines(d, IgLayout.L_ARROWS, false).size());
            Set<String> targets = new LinkedHashSet<>();
            g.edges().forEach(e -> targets.add(e.to()));
            List<Sheet.Polyline> heads = polylines(d, IgLayout.L_ARROWS, true);
            assertEquals(targets.size(), heads.size());
            heads.forEach(h -> assertEquals(6, h.xy().size(), "triangle"));
            // boxes: one per step, inside the content area, not overlapping
            List<Sheet.Polyline> boxes = polylines(d, IgLayout.L_NODES, true);
            assertEquals(g.nodes().size(), boxes.size());
            Sheet.Rect area = Sheet.CONTENT_AREA;
            List<double[]> rects = new ArrayList<>();
            for (Sheet.Polyline b : boxes) {
                double x0 = b.xy().get(0);
                double y0 = b.xy().get(1);
                double x1 = b.xy().get(4);
                double y1 = b.xy().get(5);
                assertTrue(x0 >= area.x() && x1 <= area.x() + area.w() && y0 >= area.y() && y1 <= area.y() + area.h(),
                        "inside the content area");
                rects.add(new double[] {x0, y0, x1, y1});
            }
            for (int i = 0; i < rects.size(); i++) {
                for (int j = i + 1; j < rects.size(); j++) {
                    double[] a = rects.get(i);
                    double[] b = rects.get(j);
                    boolean overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
                    assertFalse(overlap, "boxes " + i + " and " + j + " overlap");
                }
            }
            // ranks left to right: x of a box grows with its rank
            Map<String, Integer> rank = g.ranks();
            Map<Integer, Double> xByRank = new LinkedHashMap<>();
            List<InstallationSteps.Node> nodes = g.nodes();
            for (int i = 0; i < nodes.size(); i++) {
                Double prev = xByRank.putIfAbsent(rank.get(nodes.get(i).id()), rects.get(i)[0]);
                if (prev != null) {
                    assertEquals(prev, rects.get(i)[0], 1e-9);
                }
            }
            for (int k = 1; k < xByRank.size(); k++) {
                assertTrue(xByRank.get(k) > xByRank.get(k - 1));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BessCoupling.class)
    void deterministicBothFormats(BessCoupling bess) {
        Drawing a = ig(payload(1_200, bess));
        Drawing b = ig(payload(1_200, bess));
        assertArrayEquals(a.dxf(), b.dxf());
        assertArrayEquals(a.pdf(), b.pdf());
    }

    @Test
    void ezdxfAudits(@TempDir Path dir) throws Exception {
        List<Drawing> drawings = new ArrayList<>();
        for (BessCoupling bess : BessCoupling.values()) {
            drawings.add(ig(payload(56, bess)));
            drawings.add(ig(payload(56_000, bess)));
        }
        drawings.add(ig(offGrid(560)));
        for (Drawing d : drawings) {
            Ezdxf.auditDrawing("InstallationGraph", d.dxf(), d.sheet().toDxfModel().entityCounts(), dir);
        }
    }
}
