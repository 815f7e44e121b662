package io.arcnode.edp.bom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.DeploymentProfile;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.assemblies.api.AssemblyCatalogue;
import io.arcnode.edp.assemblies.api.AssemblySpec;
import io.arcnode.edp.assemblies.api.AssemblyTopology;
import io.arcnode.edp.assemblies.api.PortKind;
import io.arcnode.edp.assemblies.api.PortPeer;
import io.arcnode.edp.assemblies.api.SpecPort;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CableHoseScheduleTest {

    static final AssemblyCatalogue CATALOGUE = AssemblyCatalogue.load();

    static CableHoseSchedule schedule(ConfiguratorPayload p) {
        ModuleResolution r = Payloads.resolve(p);
        return CableHoseScheduleGenerator.generate(p, r, BomGenerator.generate(p, r), CATALOGUE);
    }

    private static List<ScheduleEntry> ofModule(CableHoseSchedule s, String moduleId) {
        return s.entries().stream().filter(e -> e.from().startsWith(moduleId + " ")).toList();
    }

    private static ScheduleEntry entry(CableHoseSchedule s, String id) {
        return s.entries().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow(() ->
                new AssertionError("no entry " + id + " in " + s.entries().stream().map(ScheduleEntry::id).toList()));
    }

    @Test
    void oneEntryPerPortOfEveryModule() {
        CableHoseSchedule s = schedule(Payloads.of(DeploymentProfile.COMMERCIAL_NO_BESS, 112));
        // grid-01: MV source, MV utility (grid-tied), earth, uplink; each compute container: its 6 ports
        assertEquals(List.of("grid-01.CG-MV1", "grid-01.CG-MV2", "grid-01.CG-PE", "grid-01.NW-F"),
                ofModule(s, "grid-01").stream().map(ScheduleEntry::id).toList());
        List<String> computePorts = CATALOGUE.spec(AssemblyCatalogue.COMPUTE_CONTAINER).ports().stream()
                .map(SpecPort::portId).toList();
        assertEquals(computePorts.stream().map(p -> "compute-02." + p).toList(),
                ofModule(s, "compute-02").stream().map(ScheduleEntry::id).toList());
        assertEquals(4 + 2 * 6, s.entries().size());

        ScheduleEntry feed = entry(s, "compute-01.CG-A");
        assertEquals(new ScheduleEntry("compute-01.CG-A", "compute-01 CG-A", "grid-01 CG-LV feeder F01",
                PortKind.POWER_AC, "AN-CBL-H07RNF-1C95", "1C 95 mm² Cu H07RN-F 0.6/1 kV flexible, Powerlock plugs "
                        + "both ends", "95 mm²", 30, 5, 150), feed);
        assertEquals("grid-01 CG-LV feeder F04", entry(s, "compute-02.CG-B").to());
        assertEquals("FW supply header, branch compute-02", entry(s, "compute-02.CL-S").to());
        assertEquals("DN80", entry(s, "compute-02.CL-R").size());
        assertEquals("agg-sw-01 ports 01-02", entry(s, "grid-01.NW-F").to());
        assertEquals("agg-sw-01 ports 05-06", entry(s, "compute-02.NW-F").to());
        assertEquals("utility-01 MV point of connection (grid_tied)", entry(s, "grid-01.CG-MV2").to());
        assertEquals("source-01 grid_hybrid MV point of connection", entry(s, "grid-01.CG-MV1").to());
    }

    @Test
    void bessConnectionsFollowTheCoupling() {
        // 2.5 MWh -> 7 racks, 2 PCS
        Map<DeploymentProfile, Map<String, Integer>> expected = new LinkedHashMap<>();
        expected.put(DeploymentProfile.COMMERCIAL_NO_BESS, Map.of());
        expected.put(DeploymentProfile.FEDERAL_AC, Map.of("CG-BESS", 2));
        expected.put(DeploymentProfile.COMMERCIAL_DC_EXT, Map.of("BT-RACK", 7, "BT-PCS", 2, "CG-PCS", 2));
        expected.put(DeploymentProfile.COMMERCIAL_DC_INT, Map.of("BT-INT", 2));
        expected.put(DeploymentProfile.DOD_AC, Map.of("CG-BESS", 2));
        expected.put(DeploymentProfile.DOD_DC_EXT, Map.of("BT-RACK", 7, "BT-PCS", 2, "CG-PCS", 2));
        Set<String> bessPorts = Set.of("CG-BESS", "BT-RACK", "BT-PCS", "CG-PCS", "BT-INT");
        expected.forEach((profile, ports) -> {
            CableHoseSchedule s = schedule(Payloads.of(profile, 56));
            Map<String, Integer> got = ofModule(s, "grid-01").stream().map(e -> e.from().substring(8))
                    .filter(bessPorts::contains).collect(Collectors.toMap(p -> p, p -> 1, Integer::sum));
            assertEquals(ports, got, profile.json());
        });
        CableHoseSchedule ext = schedule(Payloads.of(DeploymentProfile.COMMERCIAL_DC_EXT, 56));
        assertEquals("bess-rack-07", entry(ext, "grid-01.BT-RACK.07").to());
        assertEquals("pcs-02 DC side", entry(ext, "grid-01.BT-PCS.02").to());
        assertEquals(PortKind.POWER_DC, entry(ext, "grid-01.BT-RACK.01").kind());
    }

    @Test
    void withoutGridContainerTheFeedsComeFromTheSource() {
        CableHoseSchedule s = schedule(Payloads.islanded(56));
        assertTrue(ofModule(s, "grid-01").isEmpty());
        assertEquals("source-01 LV main distribution feeder F01", entry(s, "compute-01.CG-A").to());
        assertEquals("agg-sw-01 ports 01-02", entry(s, "compute-01.NW-F").to());
        // the fixtures' defense sites are off-grid without a grid connection: no utility incomer
        CableHoseSchedule dod = schedule(Payloads.of(DeploymentProfile.DOD_AC, 56));
        assertEquals(List.of("grid-01.CG-MV1", "grid-01.CG-BESS.01", "grid-01.CG-BESS.02", "grid-01.CG-PE",
                "grid-01.NW-F"),
                ofModule(dod, "grid-01").stream().map(ScheduleEntry::id).toList());
        assertTrue(entry(dod, "grid-01.NW-F").type().contains("MIL-PRF-85045"));
    }

    @Test
    void bomCablingLinesSumTheSchedule() {
        for (DeploymentProfile profile : DeploymentProfile.values()) {
            ConfiguratorPayload p = Payloads.of(profile, 1500);
            ModuleResolution r = Payloads.resolve(p);
            BomDocument bom = BomGenerator.generate(p, r);
            CableHoseSchedule s = CableHoseScheduleGenerator.generate(p, r, bom, CATALOGUE);
            Map<String, Long> metres = s.entries().stream().collect(Collectors.groupingBy(ScheduleEntry::partNumber,
                    LinkedHashMap::new, Collectors.summingLong(ScheduleEntry::totalLengthM)));
            Map<String, Long> lines = new LinkedHashMap<>();
            for (BomLine l : bom.lines()) {
                if (l.unit().equals(BomLine.METRES)) {
                    lines.put(l.partNumber(), l.quantity());
                }
            }
            assertEquals(metres, lines, profile.json());
            assertEquals(s.totals().totalLengthM(), bom.totals().get(1).quantity(), profile.json());
        }
    }

    @Test
    void idsAreUniqueAndSwitchPortsWrapToTheNextSwitch() {
        CableHoseSchedule s = schedule(Payloads.of(DeploymentProfile.COMMERCIAL_DC_EXT, 24 * 56));
        Set<String> ids = new HashSet<>();
        for (ScheduleEntry e : s.entries()) {
            assertTrue(ids.add(e.id()), e.id());
            assertEquals((long) e.lengthM() * e.quantity(), e.totalLengthM());
        }
        // grid-01 takes ports 01-02, compute-01..23 ports 03-48, compute-24 the first pair of the second switch
        assertEquals("agg-sw-01 ports 47-48", entry(s, "compute-23.NW-F").to());
        assertEquals("agg-sw-02 ports 01-02", entry(s, "compute-24.NW-F").to());
        assertEquals("grid-01 CG-LV feeder F48", entry(s, "compute-24.CG-B").to());
    }

    @Test
    void aCatalogueWithoutANeededPortIsRefused() {
        List<AssemblyTopology> topologies = new ArrayList<>();
        List<AssemblySpec> specs = new ArrayList<>();
        for (String id : AssemblyCatalogue.ASSEMBLY_IDS) {
            topologies.add(CATALOGUE.topology(id));
            AssemblySpec spec = CATALOGUE.spec(id);
            specs.add(new AssemblySpec(id, spec.description(), spec.ports().stream()
                    .filter(port -> port.connectsTo() != PortPeer.BESS_RACK).toList()));
        }
        AssemblyCatalogue noRacks = AssemblyCatalogue.of(topologies, specs);
        ConfiguratorPayload p = Payloads.of(DeploymentProfile.FEDERAL_DC_EXT, 56);
        ModuleResolution r = Payloads.resolve(p);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CableHoseScheduleGenerator.generate(p, r, BomGenerator.generate(p, r), noRacks));
        assertTrue(e.getMessage().contains("grid_container_commercial_dc/spec.yaml has no port connecting to "
                + "bess_rack"), e.getMessage());
        ConfiguratorPayload ac = Payloads.of(DeploymentProfile.FEDERAL_AC, 56);
        assertEquals(2 + 6 + 4, CableHoseScheduleGenerator.generate(ac, Payloads.resolve(ac),
                Payloads.bom(ac), noRacks).entries().size(), "profiles that need no rack port still work");
    }

    @Test
    void aBomOfAnotherDeploymentIsRefused() {
        ConfiguratorPayload p = Payloads.of(DeploymentProfile.FEDERAL_AC, 56);
        ConfiguratorPayload q = Payloads.of(DeploymentProfile.FEDERAL_AC, 112);
        ConfiguratorPayload other = new ConfiguratorPayload(java.util.UUID.fromString(
                "00000000-0000-0000-0000-000000000002"), q.operatorOrg(), q.deploymentSiteName(), q.contactEmail(),
                q.energySource(), q.sourceCapacityMw(), q.primaryWorkload(), q.gpuVariant(), q.targetGpuCount(),
                q.bessCoupling(), q.bessCapacityMwh(), q.gridConnection(), q.climateZone(), q.deploymentContext(),
                q.awsPartition());
        assertThrows(IllegalArgumentException.class, () -> CableHoseScheduleGenerator.generate(p,
                Payloads.resolve(p), Payloads.bom(other), CATALOGUE));
    }
}
