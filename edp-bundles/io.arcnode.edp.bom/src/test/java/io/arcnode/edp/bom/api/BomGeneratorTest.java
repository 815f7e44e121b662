package io.arcnode.edp.bom.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ClimateZone;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.DeploymentProfile;
import io.arcnode.api.edp.GpuVariant;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.api.edp.SourcingTier;
import io.arcnode.edp.assemblies.api.AssemblyCatalogue;
import io.arcnode.edp.assemblies.api.TopologyDevice;
import io.arcnode.edp.bom.internal.BomRules;
import io.arcnode.edp.drawing.api.PidCooling;
import io.arcnode.edp.dtm.api.DtmSizing;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BomGeneratorTest {

    private static Optional<BomLine> item(BomDocument d, String item) {
        return d.lines().stream().filter(l -> l.item().equals(item)).findFirst();
    }

    private static long qty(BomDocument d, String item) {
        return item(d, item).map(BomLine::quantity).orElse(0L);
    }

    @Test
    void computeLinesPerVariant() {
        for (GpuVariant v : GpuVariant.values()) {
            BomDocument d = Payloads.bom(Payloads.of(DeploymentProfile.COMMERCIAL_AC, 600, v, ClimateZone.TEMPERATE,
                    2.5));
            // 600 GPUs -> ceil(600 / 56) = 11 containers, 77 nodes, 616 GPUs
            assertEquals(11, qty(d, "compute_container"));
            assertEquals(77, qty(d, "gpu_node"));
            assertEquals(616, qty(d, "gpu"));
            assertEquals(22, qty(d, "rack_pdu"));
            assertEquals(11, qty(d, "fire_panel"));
            assertEquals(11, qty(d, "cdu"));
            assertEquals(11, qty(d, "tor_switch"));
            boolean h100 = v == GpuVariant.H100_SXM;
            assertEquals(h100 ? "AN-GPU-H100-SXM5-80" : "AN-GPU-B200-180", item(d, "gpu").orElseThrow().partNumber());
            assertEquals(h100 ? "AN-NODE-HGX-H100-8" : "AN-NODE-HGX-B200-8",
                    item(d, "gpu_node").orElseThrow().partNumber());
            assertTrue(item(d, "compute_container").orElseThrow().description()
                    .contains(h100 ? "71.4 kW" : "100.1 kW"));
            assertTrue(item(d, "compute_container").orElseThrow().notes().startsWith("compute-01 .. compute-11"));
        }
    }

    @Test
    void containerContentMatchesTheTopologyCatalogue() {
        List<TopologyDevice> devices = AssemblyCatalogue.load().topology(AssemblyCatalogue.COMPUTE_CONTAINER)
                .devices();
        Map<String, Long> count = devices.stream().collect(Collectors.groupingBy(TopologyDevice::deviceType,
                Collectors.counting()));
        BomDocument d = Payloads.bom(Payloads.of(DeploymentProfile.COMMERCIAL_NO_BESS, 56));
        assertEquals(count.get("gpu_node_bmc"), qty(d, "gpu_node"));
        assertEquals(DtmSizing.NODES_PER_COMPUTE_CONTAINER, count.get("gpu_node_bmc").intValue());
        assertEquals(count.get("rack_pdu"), qty(d, "rack_pdu"));
        assertEquals(count.get("cdu"), qty(d, "cdu"));
        assertEquals(count.get("network_switch"), qty(d, "tor_switch"));
        assertEquals(count.get("fire_panel"), qty(d, "fire_panel"));
    }

    @Test
    void bessLinesForEveryCoupling() {
        Map<DeploymentProfile, List<String>> expected = Map.of(
                DeploymentProfile.COMMERCIAL_NO_BESS, List.of(),
                DeploymentProfile.COMMERCIAL_AC, List.of("AN-BESS-RACK-LFP-373", "AN-PCS-AC-745"),
                DeploymentProfile.COMMERCIAL_DC_EXT, List.of("AN-BESS-RACK-LFP-373", "AN-PCS-DC-745"),
                DeploymentProfile.COMMERCIAL_DC_INT, List.of("AN-BESS-RACK-CATL-373", "AN-PCS-INT-CATL-745"));
        expected.forEach((profile, parts) -> {
            BomDocument d = Payloads.bom(Payloads.of(profile, 112));
            List<String> bess = d.lines().stream().filter(l -> l.category() == BomCategory.BESS)
                    .map(BomLine::partNumber).toList();
            assertEquals(parts, bess, profile.json());
        });
    }

    @Test
    void racksFromCapacity() {
        // 372.7 kWh per rack, one PCS per 4 racks
        Object[][] cases = { { 0.3727, 1, 1 }, { 0.3728, 2, 1 }, { 1.4908, 4, 1 }, { 2.5, 7, 2 }, { 10.0, 27, 7 },
                { 100.0, 269, 68 } };
        for (Object[] c : cases) {
            double mwh = (double) c[0];
            assertEquals(c[1], BomRules.racks(mwh), mwh + " MWh");
            BomDocument d = Payloads.bom(Payloads.of(DeploymentProfile.FEDERAL_DC_EXT, 56, GpuVariant.B200,
                    ClimateZone.SUBARCTIC, mwh));
            assertEquals(((Integer) c[1]).longValue(), qty(d, "bess_rack"), mwh + " MWh");
            assertEquals(((Integer) c[2]).longValue(), qty(d, "pcs"), mwh + " MWh");
            assertTrue(item(d, "bess_rack").orElseThrow().notes().contains("kWh / 372.7 kWh per rack) = " + c[1]
                    + " racks"));
        }
    }

    @Test
    void dodProfilesNeverCarryCatl() {
        for (DeploymentProfile p : List.of(DeploymentProfile.DOD_NO_BESS, DeploymentProfile.DOD_AC,
                DeploymentProfile.DOD_DC_EXT)) {
            for (ClimateZone zone : ClimateZone.values()) {
                BomDocument d = Payloads.bom(Payloads.of(p, 300, GpuVariant.B200, zone, 5));
                assertEquals(SourcingTier.DOD_ELIGIBLE, d.header().sourcingTier());
                String json = new String(d.toJson(), StandardCharsets.UTF_8);
                assertFalse(json.toUpperCase().contains("CATL"), p.json() + " " + zone.json());
                for (BomLine l : d.lines()) {
                    assertTrue(l.sourcingTiers().contains(SourcingTier.DOD_ELIGIBLE), p.json() + " " + l);
                }
                if (p != DeploymentProfile.DOD_NO_BESS) {
                    // the fixtures' defense sites are off-grid: dod_no_bess is islanded, without grid container
                    assertEquals("AN-GC20-DEF", item(d, "grid_container").orElseThrow().partNumber());
                }
            }
        }
    }

    @Test
    void dodWithIntegratedPcsIsRefused() {
        // the resolver cannot produce it (defense_forward + dc_integrated_pcs is a 422); a hand-made resolution
        ConfiguratorPayload p = Payloads.of(DeploymentProfile.COMMERCIAL_DC_INT, 56);
        ModuleResolution r = Payloads.resolve(p);
        ModuleResolution dod = new ModuleResolution(r.deploymentId(), r.deploymentProfile(),
                r.computeContainerCount(), r.gridContainerPresent(), BessCoupling.DC_INTEGRATED_PCS,
                r.bessCapacityMwh(), SourcingTier.DOD_ELIGIBLE, r.emsTarget(), r.gpuVariant(), r.gpuCount(),
                r.climateZone());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BomGenerator.generate(p, dod));
        assertTrue(e.getMessage().contains("CATL"), e.getMessage());
    }

    @Test
    void catlNoteOnIntegratedPcsProfilesOnly() {
        for (DeploymentProfile p : DeploymentProfile.values()) {
            BomDocument d = Payloads.bom(Payloads.of(p, 56));
            boolean integrated = p == DeploymentProfile.COMMERCIAL_DC_INT || p == DeploymentProfile.FEDERAL_DC_INT;
            assertEquals(integrated, d.header().notes().get(0).startsWith("CATL:"), p.json());
            String json = new String(d.toJson(), StandardCharsets.UTF_8);
            assertEquals(integrated, json.contains("CATL"), p.json());
            if (integrated) {
                for (String item : List.of("bess_rack", "pcs")) {
                    BomLine l = item(d, item).orElseThrow();
                    assertTrue(l.notes().contains("CATL"), l.toString());
                    assertEquals(List.of(SourcingTier.COMMERCIAL, SourcingTier.FEDERAL_CIVILIAN), l.sourcingTiers());
                }
            }
        }
    }

    @Test
    void coolingPerClimateZoneMatchesTheDrawingsTable() {
        // the P&ID's table (PidLayout.heatRejection, pinned in PidCoolingTest): units per container by zone
        Map<ClimateZone, BomRules.HeatRejection> table = Map.of(
                ClimateZone.SUBARCTIC, new BomRules.HeatRejection("dry cooler", 1, "AN-HR-DRY-110"),
                ClimateZone.TEMPERATE, new BomRules.HeatRejection("dry cooler", 2, "AN-HR-DRY-110"),
                ClimateZone.ARID_HOT, new BomRules.HeatRejection("adiabatic dry cooler", 2, "AN-HR-ADIA-110"),
                ClimateZone.TROPICAL, new BomRules.HeatRejection("air-cooled chiller", 1, "AN-HR-CHILLER-120"));
        for (ClimateZone zone : ClimateZone.values()) {
            assertEquals(table.get(zone), BomRules.heatRejection(zone));
            ConfiguratorPayload p = Payloads.of(DeploymentProfile.COMMERCIAL_AC, 560, GpuVariant.H100_SXM, zone, 2);
            ModuleResolution r = Payloads.resolve(p);
            BomDocument d = BomGenerator.generate(p, r);
            BomRules.HeatRejection hr = table.get(zone);
            BomLine line = item(d, "heat_rejection").orElseThrow();
            assertEquals(hr.unitsPerContainer() * 10L, line.quantity(), zone.json());
            assertEquals(hr.partNumber(), line.partNumber());
            assertTrue(line.notes().contains("setpoint " + plain(DtmSizing.coolantSetpointC(zone)) + " C"));
            assertEquals(20, qty(d, "fw_isolation_valve"));
            // and the P&ID of the same deployment says the same
            String expected = "HEAT REJECTION: " + hr.unitsPerContainer() + " x " + hr.type().toUpperCase()
                    + " PER CONTAINER x 10 = " + line.quantity() + " UNITS";
            assertTrue(PidCooling.sheet(p, r, "A", "2026-01-01").texts().contains(expected), expected);
        }
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Test
    void gridContainerPresentOrAbsent() {
        BomDocument islanded = Payloads.bom(Payloads.islanded(56));
        assertTrue(item(islanded, "grid_container").isEmpty());
        assertEquals(BomCategory.values().length - 2, islanded.lines().stream().map(BomLine::category)
                .collect(Collectors.toSet()).size(), "no grid, no bess");
        Map<DeploymentProfile, String> variant = Map.of(DeploymentProfile.COMMERCIAL_NO_BESS, "AN-GC20-CAC",
                DeploymentProfile.FEDERAL_AC, "AN-GC20-CAC", DeploymentProfile.FEDERAL_DC_INT, "AN-GC20-CDC",
                DeploymentProfile.COMMERCIAL_DC_EXT, "AN-GC20-CDC", DeploymentProfile.DOD_AC, "AN-GC20-DEF");
        variant.forEach((p, part) -> {
            BomLine l = item(Payloads.bom(Payloads.of(p, 56)), "grid_container").orElseThrow();
            assertEquals(part, l.partNumber(), p.json());
            assertEquals(1, l.quantity());
            assertTrue(l.notes().contains(AssemblyCatalogue.gridContainerAssembly(p)));
        });
    }

    @Test
    void networkGearScalesWithModules() {
        // modules = containers + grid container; 2 uplinks each on 48-port switches
        int[][] cases = { { 56, 1, 4 }, { 23 * 56, 1, 48 }, { 24 * 56, 2, 50 }, { 56_000, 42, 2002 } };
        for (int[] c : cases) {
            BomDocument d = Payloads.bom(Payloads.of(DeploymentProfile.COMMERCIAL_NO_BESS, c[0]));
            assertEquals(c[1], qty(d, "agg_switch"), c[0] + " GPUs");
            assertEquals(c[2], qty(d, "optic"), c[0] + " GPUs");
        }
        assertEquals("AN-EMS-GW-AIRGAP",
                item(Payloads.bom(Payloads.of(DeploymentProfile.DOD_AC, 56)), "ems_gateway").orElseThrow()
                        .partNumber());
        assertEquals("AN-EMS-GW-GOV",
                item(Payloads.bom(Payloads.of(DeploymentProfile.FEDERAL_AC, 56)), "ems_gateway").orElseThrow()
                        .partNumber());
    }

    @Test
    void linesAreNumberedGroupedAndTotalledPerUnit() {
        BomDocument d = Payloads.bom(Payloads.of(DeploymentProfile.COMMERCIAL_DC_EXT, 1000));
        List<BomCategory> order = new ArrayList<>();
        for (int i = 0; i < d.lines().size(); i++) {
            BomLine l = d.lines().get(i);
            assertEquals(i + 1, l.line());
            if (order.isEmpty() || order.get(order.size() - 1) != l.category()) {
                order.add(l.category());
            }
        }
        assertEquals(List.of(BomCategory.values()), order, "one block per category, in enum order");
        long each = d.lines().stream().filter(l -> l.unit().equals("ea")).mapToLong(BomLine::quantity).sum();
        long metres = d.lines().stream().filter(l -> l.unit().equals("m")).mapToLong(BomLine::quantity).sum();
        assertEquals(List.of(new BomTotal("ea", (int) d.lines().stream().filter(l -> l.unit().equals("ea")).count(),
                each), new BomTotal("m", (int) d.lines().stream().filter(l -> l.unit().equals("m")).count(), metres)),
                d.totals());
    }

    @Test
    void jsonIsStablePrettyAndSelfDescribing() {
        ConfiguratorPayload p = Payloads.of(DeploymentProfile.COMMERCIAL_DC_INT, 112);
        BomDocument d = Payloads.bom(p);
        byte[] json = d.toJson();
        assertArrayEquals(json, Payloads.bom(p).toJson());
        String text = new String(json, StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"));
        assertTrue(text.endsWith("}\n"));
        JsonNode root = ArcnodeJson.readTree(text);
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        assertEquals(List.of("document", "deployment_id", "operator_org", "deployment_site_name",
                "deployment_profile", "sourcing_tier", "generator", "generator_revision", "catalogue_revision",
                "notes", "lines", "totals"), keys);
        assertEquals("bom", root.get("document").textValue());
        assertEquals(Payloads.ID.toString(), root.get("deployment_id").textValue());
        assertEquals("commercial_dc_int", root.get("deployment_profile").textValue());
        assertEquals("commercial", root.get("sourcing_tier").textValue());
        assertEquals("io.arcnode.edp.bom", root.get("generator").textValue());
        assertEquals("A", root.get("catalogue_revision").textValue());
        JsonNode line = root.get("lines").get(0);
        List<String> lineKeys = new ArrayList<>();
        line.fieldNames().forEachRemaining(lineKeys::add);
        assertEquals(List.of("line", "item", "part_number", "description", "quantity", "unit", "category",
                "sourcing_tiers", "notes"), lineKeys);
        assertTrue(line.get("quantity").isIntegralNumber());
        assertEquals("compute", line.get("category").textValue());
        assertEquals("commercial", line.get("sourcing_tiers").get(0).textValue());
    }

    @Test
    void inconsistentInputsAreRefused() {
        ConfiguratorPayload p = Payloads.of(DeploymentProfile.FEDERAL_AC, 56);
        ModuleResolution r = Payloads.resolve(p);
        ConfiguratorPayload other = Payloads.of(DeploymentProfile.FEDERAL_AC, 57);
        assertThrows(IllegalArgumentException.class, () -> BomGenerator.generate(other, r));
        ModuleResolution otherId = new ModuleResolution(UUID.fromString("00000000-0000-0000-0000-000000000001"), r.deploymentProfile(),
                r.computeContainerCount(), r.gridContainerPresent(), r.bessCoupling(), r.bessCapacityMwh(),
                r.sourcingTier(), r.emsTarget(), r.gpuVariant(), r.gpuCount(), r.climateZone());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BomGenerator.generate(p, otherId));
        assertTrue(e.getMessage().contains("differs"), e.getMessage());
        assertEquals(EnumSet.allOf(SourcingTier.class), EnumSet.copyOf(BomRules.ALL_TIERS));
    }
}
