package io.arcnode.edp.assemblies.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AssemblySpecTest {

    private static final AssemblyCatalogue CATALOGUE = AssemblyCatalogue.load();
    private static final String FILE = "catalogue/compute_container/spec.yaml";
    private static final String HEAD = "assembly_id: compute_container\ndescription: test\nports:\n";
    private static final String GOOD = """
              - port_id: CL-S
                plate: CL
                kind: coolant_supply
                description: supply
                connector: flange
                connects_to: fw_supply_header
                cable:
                  part_number: AN-HOS-DN80
                  type: hose
                  size: 80
                  size_unit: DN
                  conductors: 1
                  length_m: 15
            """;

    private static AssemblySpec parse(String yaml) {
        return AssemblyCatalogue.parseSpec("compute_container", FILE,
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static CatalogueException broken(String yaml) {
        return assertThrows(CatalogueException.class, () -> parse(yaml));
    }

    private static Set<String> ids(AssemblySpec s) {
        return s.ports().stream().map(SpecPort::portId).collect(Collectors.toSet());
    }

    @Test
    void loadsTheFourSpecs() {
        for (String id : AssemblyCatalogue.ASSEMBLY_IDS) {
            AssemblySpec s = CATALOGUE.spec(id);
            assertEquals(id, s.assemblyId());
            assertTrue(s.ports().size() >= 6, id);
        }
        assertEquals(Set.of("CG-A", "CG-B", "CG-PE", "CL-S", "CL-R", "NW-F"),
                ids(CATALOGUE.spec(AssemblyCatalogue.COMPUTE_CONTAINER)));
    }

    @Test
    void computePortsHaveTheEngineeringValues() {
        AssemblySpec c = CATALOGUE.spec(AssemblyCatalogue.COMPUTE_CONTAINER);
        PortCable feed = c.port("CG-A").orElseThrow().cable();
        assertEquals("95 mm²", feed.sizeLabel());
        assertEquals(5, feed.conductors(), "L1 L2 L3 N PE single cores");
        assertEquals("DN80", c.port("CL-S").orElseThrow().cable().sizeLabel());
        assertEquals("12 fibres", c.port("NW-F").orElseThrow().cable().sizeLabel());
        assertEquals(List.of("CG-A", "CG-B"), c.portsTo(PortPeer.GRID_LV_FEEDER).stream().map(SpecPort::portId)
                .toList());
        for (SpecPort p : c.ports()) {
            assertTrue(p.portId().startsWith(p.plate() + "-"), p.portId());
            assertEquals(p.kind(), p.connectsTo().kind(), p.portId());
            assertEquals(p.kind().sizeUnit(), p.cable().unit(), p.portId());
        }
    }

    @Test
    void gridVariantsCarryThePortsOfTheirProfiles() {
        AssemblySpec ac = CATALOGUE.spec(AssemblyCatalogue.GRID_CONTAINER_COMMERCIAL_AC);
        AssemblySpec dc = CATALOGUE.spec(AssemblyCatalogue.GRID_CONTAINER_COMMERCIAL_DC);
        AssemblySpec def = CATALOGUE.spec(AssemblyCatalogue.GRID_CONTAINER_DEFENSE);
        for (AssemblySpec s : List.of(ac, dc, def)) {
            assertEquals(1, s.portsTo(PortPeer.COMPUTE_FEED).size(), s.assemblyId());
            assertNull(s.portsTo(PortPeer.COMPUTE_FEED).get(0).cable());
            for (PortPeer p : List.of(PortPeer.ENERGY_SOURCE, PortPeer.UTILITY, PortPeer.SITE_EARTH,
                    PortPeer.CORE_SWITCH)) {
                assertEquals(1, s.portsTo(p).size(), s.assemblyId() + " " + p);
            }
        }
        // *_ac / *_no_bess: AC-coupled only; *_dc_ext / *_dc_int: DC bus; dod_*: AC and external DC, never integrated
        assertEquals(Set.of("CG-MV1", "CG-MV2", "CG-LV", "CG-BESS", "CG-PE", "NW-F"), ids(ac));
        assertEquals(Set.of("CG-MV1", "CG-MV2", "CG-LV", "CG-PCS", "BT-RACK", "BT-PCS", "BT-INT", "CG-PE", "NW-F"),
                ids(dc));
        assertEquals(Set.of("CG-MV1", "CG-MV2", "CG-LV", "CG-BESS", "CG-PCS", "BT-RACK", "BT-PCS", "CG-PE", "NW-F"),
                ids(def));
        assertTrue(def.portsTo(PortPeer.BESS_INTEGRATED).isEmpty(), "no CATL-integrated PCS tie on a DoD container");
        assertTrue(def.port("NW-F").orElseThrow().connector().contains("MIL-DTL-38999"));
    }

    @Test
    void minimalFileParses() {
        AssemblySpec s = parse(HEAD + GOOD);
        assertEquals(new PortCable("AN-HOS-DN80", "hose", 80, SizeUnit.DN, 1, 15), s.ports().get(0).cable());
    }

    @Test
    void brokenPortsNameFileAndField() {
        assertField(HEAD + GOOD.replace("size: 80", "size: 85"), "ports[0] (CL-S).cable.size: DN85 is not a standard");
        assertField(HEAD + GOOD.replace("size_unit: DN", "size_unit: mm2"), "ports[0] (CL-S).cable.size_unit");
        assertField(HEAD + GOOD.replace("connects_to: fw_supply_header", "connects_to: core_switch"),
                "ports[0] (CL-S).connects_to: core_switch needs kind network");
        assertField(HEAD + GOOD.replace("plate: CL", "plate: XX"), "ports[0] (CL-S).plate");
        assertField(HEAD + GOOD.replace("plate: CL", "plate: NW"), "ports[0] (CL-S).port_id: must start with");
        assertField(HEAD + GOOD.replace("kind: coolant_supply", "kind: steam"), "ports[0] (CL-S).kind: PortKind");
        assertField(HEAD + GOOD.replace("length_m: 15", "length_m: 0"), "ports[0] (CL-S).cable.length_m");
        assertField(HEAD + GOOD.replace("conductors: 1", "conductors: 1.5"), "ports[0] (CL-S).cable.conductors");
        assertField(HEAD + GOOD.replace("part_number: AN-HOS-DN80", "part_number: hose80"),
                "ports[0] (CL-S).cable.part_number");
        assertField(HEAD + GOOD.replace("    connector: flange\n", ""), "ports[0] (CL-S).connector");
        assertField(HEAD + GOOD.replace("  length_m: 15\n", "  length_m: 15\n      colour: black\n"),
                "ports[0] (CL-S).cable.colour: unknown field");
        assertField(HEAD + GOOD.substring(0, GOOD.indexOf("    cable:")), "ports[0] (CL-S).cable: required");
        CatalogueException second = broken(HEAD + GOOD + GOOD);
        assertTrue(second.getMessage().contains("ports[1] (CL-S).port_id: duplicate"), second.getMessage());
        assertEquals(1, second.deviceIndex());
    }

    @Test
    void computeFeedPortMustNotCarryACable() {
        String feed = GOOD.replace("port_id: CL-S", "port_id: CG-LV").replace("plate: CL", "plate: CG")
                .replace("kind: coolant_supply", "kind: power_ac").replace("fw_supply_header", "compute_feed");
        assertField("assembly_id: compute_container\ndescription: t\nports:\n" + feed, "ports[0] (CG-LV).cable: not allowed");
    }

    @Test
    void fileLevelProblemsNameTheFile() {
        assertField(HEAD.replace("compute_container", "grid_container_defense") + GOOD, "assembly_id: must be");
        assertField(HEAD + "  - [unclosed", "invalid YAML");
        assertField(HEAD, "ports: must be a non-empty list");
        assertField("extra: 1\n" + HEAD + GOOD, "extra: unknown field");
        assertField(HEAD.replace("description: test", "description: ''") + GOOD, "description: must be a non-empty");
    }

    @Test
    void gridVariantWithoutComputeFeedIsRefusedAcrossFiles() {
        List<AssemblyTopology> topologies = new ArrayList<>();
        List<AssemblySpec> specs = new ArrayList<>();
        for (String id : AssemblyCatalogue.ASSEMBLY_IDS) {
            topologies.add(CATALOGUE.topology(id));
            AssemblySpec s = CATALOGUE.spec(id);
            if (id.equals(AssemblyCatalogue.GRID_CONTAINER_DEFENSE)) {
                s = new AssemblySpec(id, s.description(), s.ports().stream()
                        .filter(p -> p.connectsTo() != PortPeer.COMPUTE_FEED).toList());
            }
            specs.add(s);
        }
        CatalogueException e = assertThrows(CatalogueException.class, () -> AssemblyCatalogue.of(topologies, specs));
        assertEquals("catalogue/grid_container_defense/spec.yaml", e.file());
        assertTrue(e.getMessage().contains("compute_feed"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AssemblyCatalogue.of(topologies).spec("compute_container"));
    }

    private static void assertField(String yaml, String expected) {
        CatalogueException e = broken(yaml);
        assertTrue(e.getMessage().startsWith(FILE + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
