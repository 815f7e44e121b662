package io.arcnode.edp.drawing.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ClimateZone;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.EnergySource;
import io.arcnode.api.edp.GridConnection;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.drawing.internal.PidLayout;
import io.arcnode.edp.testreaders.api.DxfEntities;
import io.arcnode.edp.testreaders.api.Ezdxf;
import io.arcnode.edp.testreaders.api.PdfText;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PidCoolingTest {

    static Drawing pid(int gpus, ClimateZone zone) {
        ConfiguratorPayload p = Fixtures.payload(EnergySource.SOLAR, gpus, BessCoupling.AC_COUPLED,
                GridConnection.GRID_TIED, zone);
        return PidCooling.generate(p, Fixtures.resolution(p), "A", Fixtures.DATE);
    }

    static void inBoth(Drawing d, String pdfText, String s) {
        assertTrue(pdfText.contains(s), s + " in PDF:\n" + pdfText);
        assertTrue(DxfEntities.of(d.dxf()).texts().stream().anyMatch(v -> v.contains(s)), s + " in DXF");
    }

    @Test
    void contentReflectsTenContainers() throws Exception {
        Drawing d = pid(560, ClimateZone.TEMPERATE);
        String text = PdfText.of(d.pdf());
        for (String s : List.of("P&ID - COOLING SYSTEM", "EDP-6D1F0C3A-PID-001", "Site Alpha", "Northwind Power",
                Fixtures.ID.toString(), "SUPPLY SETPOINT 32 C (TT-001)", "compute-01 (C01)", "compute-10 (C10)",
                "CDU-10", "TT-011", "FT-011", "TT-012", "PT-012", "TT-101", "PT-102", "TT-002", "PT-001", "FT-001",
                "2 x DRY COOLER PER CONTAINER x 10 = 20 UNITS", "HEAT LOAD 714.0 kW", "P-001A (DUTY)",
                "P-001B (STANDBY)", "TV-001", "SUPPLY HEADER", "RETURN HEADER", "ONE CDU BRANCH PER COMPUTE CONTAINER")) {
            inBoth(d, text, s);
        }
        assertFalse(text.contains("compute-11"));
        DxfEntities e = DxfEntities.of(d.dxf());
        assertEquals(10, e.inserts(PidLayout.S_CDU));
        assertEquals(10, e.inserts(PidLayout.S_COLD_PLATES));
        assertEquals(10 * 4 + 4, e.inserts(PidLayout.S_INSTRUMENT), "4 per branch + TT/PT/FT-001 + TT-002");
        assertEquals(10 * 2 + 4, e.inserts(PidLayout.S_VALVE), "2 isolation valves per branch + 4 at the pumps");
        assertEquals(1, e.inserts(PidLayout.S_CONTROL_VALVE));
        assertEquals(10 + 2, e.inserts(PidLayout.S_PUMP), "one CDU pump per branch + P-001A/B");
        // every instrument bubble carries its tag on the instruments layer
        assertEquals(PidLayout.L_INSTRUMENTS, e.layerOfText("TT-101"));
        for (String l : List.of(PidLayout.L_FW_SUPPLY, PidLayout.L_FW_RETURN, PidLayout.L_TCS_SUPPLY,
                PidLayout.L_TCS_RETURN, PidLayout.L_VALVES, PidLayout.L_INSTRUMENTS)) {
            assertTrue(e.layers().contains(l), l);
        }
    }

    @ParameterizedTest
    @EnumSource(ClimateZone.class)
    void heatRejectionAndSetpointByClimate(ClimateZone zone) throws Exception {
        Drawing d = pid(112, zone);
        String text = PdfText.of(d.pdf());
        PidCooling.HeatRejection hr = PidCooling.heatRejection(zone);
        String c = switch (zone) {
            case SUBARCTIC -> "35";
            case TEMPERATE -> "32";
            case ARID_HOT -> "27";
            case TROPICAL -> "25";
        };
        inBoth(d, text, "SUPPLY SETPOINT " + c + " C (TT-001)");
        inBoth(d, text, "COOLANT SUPPLY SETPOINT " + c + " C");
        inBoth(d, text, "CLIMATE ZONE " + zone.json());
        inBoth(d, text, hr.unitsPerContainer() * 2 + " UNITS");
        DxfEntities e = DxfEntities.of(d.dxf());
        for (String s : List.of(PidLayout.S_DRY_COOLER, PidLayout.S_ADIABATIC_DRY_COOLER, PidLayout.S_CHILLER)) {
            assertEquals(s.equals(hr.symbol()) ? 1 : 0, e.inserts(s), s + " for " + zone);
        }
    }

    @Test
    void setpointsAndHeatRejectionTable() {
        assertEquals(Map.of(ClimateZone.SUBARCTIC, 35.0, ClimateZone.TEMPERATE, 32.0, ClimateZone.ARID_HOT, 27.0,
                ClimateZone.TROPICAL, 25.0), Map.of(
                        ClimateZone.SUBARCTIC, PidLayout.coolantSetpointC(ClimateZone.SUBARCTIC),
                        ClimateZone.TEMPERATE, PidLayout.coolantSetpointC(ClimateZone.TEMPERATE),
                        ClimateZone.ARID_HOT, PidLayout.coolantSetpointC(ClimateZone.ARID_HOT),
                        ClimateZone.TROPICAL, PidLayout.coolantSetpointC(ClimateZone.TROPICAL)));
        assertEquals(new PidCooling.HeatRejection("dry cooler", PidLayout.S_DRY_COOLER, 1),
                PidCooling.heatRejection(ClimateZone.SUBARCTIC));
        assertEquals(new PidCooling.HeatRejection("dry cooler", PidLayout.S_DRY_COOLER, 2),
                PidCooling.heatRejection(ClimateZone.TEMPERATE));
        assertEquals(new PidCooling.HeatRejection("adiabatic dry cooler", PidLayout.S_ADIABATIC_DRY_COOLER, 2),
                PidCooling.heatRejection(ClimateZone.ARID_HOT));
        assertEquals(new PidCooling.HeatRejection("air-cooled chiller", PidLayout.S_CHILLER, 1),
                PidCooling.heatRejection(ClimateZone.TROPICAL));
        assertEquals("TT-011", PidLayout.tag("TT", 1, 9, 1));
        assertEquals("PT-00202", PidLayout.tag("PT", 20, 1000, 2));
    }

    @Test
    void manyContainersAreSummarisedAfterTwentyLikeTheSld() throws Exception {
        Drawing d = pid(56_000, ClimateZone.ARID_HOT);
        String text = PdfText.of(d.pdf());
        DxfEntities e = DxfEntities.of(d.dxf());
        assertEquals(20, e.inserts(PidLayout.S_CDU));
        assertEquals(1, e.inserts(PidLayout.S_CDU_GROUP));
        assertEquals(1, e.inserts(PidLayout.S_COLD_PLATES_GROUP));
        for (String s : List.of("compute-0001 (C0001)", "compute-0020 (C0020)", "TT-00201", "compute-0021 ..",
                "compute-1000", "(980 containers)", "980 x CDU", "2 x ADIABATIC DRY COOLER PER CONTAINER x 1000 = 2000 UNITS",
                "SHOWN AS ONE SUMMARY BRANCH (FIRST 20 DRAWN INDIVIDUALLY)")) {
            inBoth(d, text, s);
        }
        assertFalse(e.texts().contains("compute-0021 (C0021)"));
        assertFalse(e.texts().contains("TT-00211"));
    }

    @Test
    void branchCountFollowsContainerCount() {
        for (int n : List.of(1, 10, 11, 20)) {
            DxfEntities e = DxfEntities.of(pid(n * 56, ClimateZone.SUBARCTIC).dxf());
            assertEquals(n, e.inserts(PidLayout.S_CDU), n + " containers");
            assertEquals(0, e.inserts(PidLayout.S_CDU_GROUP));
            assertEquals(n * 4 + 4, e.inserts(PidLayout.S_INSTRUMENT));
        }
        // the second header row exists only above 10 containers
        long lines10 = count(pid(560, ClimateZone.SUBARCTIC), PidLayout.L_FW_SUPPLY);
        long lines11 = count(pid(616, ClimateZone.SUBARCTIC), PidLayout.L_FW_SUPPLY);
        assertTrue(lines11 > lines10 + 3, lines10 + " vs " + lines11);
    }

    static long count(Drawing d, String layer) {
        return DxfEntities.of(d.dxf()).list().stream().filter(x -> layer.equals(x.layer())).count();
    }

    @ParameterizedTest
    @EnumSource(ClimateZone.class)
    void deterministicBothFormats(ClimateZone zone) {
        Drawing a = pid(1_200, zone);
        Drawing b = pid(1_200, zone);
        assertArrayEquals(a.dxf(), b.dxf());
        assertArrayEquals(a.pdf(), b.pdf());
    }

    @Test
    void ezdxfAuditsEveryClimate(@TempDir Path dir) throws Exception {
        for (ClimateZone zone : ClimateZone.values()) {
            for (int gpus : List.of(56, 56_000)) {
                Drawing d = pid(gpus, zone);
                Ezdxf.auditDrawing(String.valueOf(zone), d.dxf(), d.sheet().toDxfModel().entityCounts(), dir);
            }
        }
    }

    @Test
    void mismatchedDeploymentIsRejected() {
        ConfiguratorPayload p = Fixtures.payload(56, BessCoupling.NONE);
        ModuleResolution r = Fixtures.resolution(p);
        ModuleResolution other = new ModuleResolution(UUID.fromString("00000000-0000-4000-8000-000000000001"),
                r.deploymentProfile(), 1, true, r.bessCoupling(), 0, r.sourcingTier(), r.emsTarget(), r.gpuVariant(), 56,
                r.climateZone());
        assertThrows(IllegalArgumentException.class, () -> PidCooling.sheet(p, other, "A", Fixtures.DATE));
    }
}
