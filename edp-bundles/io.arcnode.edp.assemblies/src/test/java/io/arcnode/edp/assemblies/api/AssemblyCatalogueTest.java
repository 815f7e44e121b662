package io.arcnode.edp.assemblies.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.dtm.CanopenGwConfig;
import io.arcnode.api.dtm.Dnp3TcpConfig;
import io.arcnode.api.dtm.ModbusTcpConfig;
import io.arcnode.api.dtm.PdoMap;
import io.arcnode.api.dtm.ProtocolKind;
import io.arcnode.api.dtm.RedfishConfig;
import io.arcnode.api.dtm.SnmpConfig;
import io.arcnode.api.edp.DeploymentProfile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AssemblyCatalogueTest {

    private static final AssemblyCatalogue CATALOGUE = AssemblyCatalogue.load();

    private static AssemblyTopology parse(String yaml) {
        return AssemblyCatalogue.parseTopology("compute_container", "catalogue/compute_container/topology.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String HEAD = "assembly_id: compute_container\ndescription: test\ndevices:\n";
    private static final String GOOD_MODBUS = """
              - device_type: cdu
                host: sim-compute-cdu
                port: 502
                description: CDU
                protocol_config:
                  protocol: modbus_tcp
                  unit_id: 1
                  point_maps:
                    - {name: t, function_code: 4, start_address: 0, count: 2}
            """;

    @Test
    void loadsAllFourAssemblies() {
        assertEquals(AssemblyCatalogue.ASSEMBLY_IDS, CATALOGUE.assemblyIds());
        for (String id : AssemblyCatalogue.ASSEMBLY_IDS) {
            AssemblyTopology t = CATALOGUE.topology(id);
            assertEquals(id, t.assemblyId());
            assertTrue(t.devices().size() >= 5, id);
        }
    }

    @Test
    void computeContainerHasCduPdusSevenBmcsAndSwitch() {
        List<TopologyDevice> d = CATALOGUE.topology("compute_container").devices();
        Map<String, Long> byType = d.stream().collect(Collectors.groupingBy(TopologyDevice::deviceType,
                Collectors.counting()));
        assertEquals(7L, byType.get("gpu_node_bmc"));
        assertEquals(2L, byType.get("rack_pdu"));
        assertEquals(1L, byType.get("cdu"));
        assertEquals(1L, byType.get("network_switch"));
        assertEquals(Set.of(ProtocolKind.MODBUS_TCP, ProtocolKind.REDFISH, ProtocolKind.SNMP), kinds(d));
        ModbusTcpConfig cdu = (ModbusTcpConfig) d.get(0).protocolConfig();
        assertTrue(cdu.pointMaps().stream().anyMatch(p -> p.functionCode() == 3));
        assertTrue(cdu.pointMaps().stream().anyMatch(p -> p.functionCode() == 4));
        SnmpConfig sw = (SnmpConfig) d.stream().filter(x -> x.deviceType().equals("network_switch")).findFirst()
                .orElseThrow().protocolConfig();
        assertEquals("SHA256", sw.creds().authProto());
        assertEquals("AES128", sw.creds().privProto());
        assertTrue(sw.oidMaps().stream().anyMatch(o -> o.oid().startsWith("1.3.6.1.2.1.31.1.1.1.")), "IF-MIB ifX");
        assertTrue(sw.oidMaps().stream().anyMatch(o -> o.oid().startsWith("1.3.6.1.2.1.99.1.1.1.")), "ENTITY-SENSOR");
    }

    @Test
    void allFiveProtocolKindsAcrossTheCatalogue() {
        Set<ProtocolKind> all = EnumSet.noneOf(ProtocolKind.class);
        for (String id : AssemblyCatalogue.ASSEMBLY_IDS) {
            all.addAll(kinds(CATALOGUE.topology(id).devices()));
        }
        assertEquals(EnumSet.allOf(ProtocolKind.class), all);
        // the DC and defense variants carry the BMS on CANopen and the relays on DNP3
        for (String id : List.of("grid_container_commercial_dc", "grid_container_defense")) {
            Set<ProtocolKind> k = kinds(CATALOGUE.topology(id).devices());
            assertTrue(k.contains(ProtocolKind.CANOPEN_GW) && k.contains(ProtocolKind.DNP3_TCP), id);
        }
        assertTrue(kinds(CATALOGUE.topology("grid_container_commercial_ac").devices())
                .contains(ProtocolKind.DNP3_TCP));
    }

    @Test
    void canopenPdoCobIdsAreTpdosOfTheNode() {
        for (String id : List.of("grid_container_commercial_dc", "grid_container_defense")) {
            for (TopologyDevice d : CATALOGUE.topology(id).devices()) {
                if (d.protocolConfig() instanceof CanopenGwConfig c) {
                    for (PdoMap p : c.pdoMaps()) {
                        int fn = p.cobId() - c.nodeId();
                        assertTrue(fn == 0x180 || fn == 0x280 || fn == 0x380 || fn == 0x480, p.toString());
                        assertTrue(p.byteOffset() + p.byteLength() <= 8, "PDO payload is at most 8 bytes: " + p);
                    }
                }
            }
        }
    }

    @Test
    void standardPortsPerProtocol() {
        Map<ProtocolKind, Integer> port = Map.of(ProtocolKind.MODBUS_TCP, 502, ProtocolKind.DNP3_TCP, 20000,
                ProtocolKind.SNMP, 161, ProtocolKind.REDFISH, 443, ProtocolKind.CANOPEN_GW, 19227);
        for (String id : AssemblyCatalogue.ASSEMBLY_IDS) {
            for (TopologyDevice d : CATALOGUE.topology(id).devices()) {
                assertEquals(port.get(d.protocolConfig().protocol()), d.port(), id + " " + d.deviceType());
                assertTrue(d.host().startsWith("sim-"), d.host());
            }
        }
    }

    @Test
    void redfishSecretsAreVaultRefs() {
        for (TopologyDevice d : CATALOGUE.topology("compute_container").devices()) {
            if (d.protocolConfig() instanceof RedfishConfig r) {
                assertTrue(r.passwordSecretRef().startsWith("vault://arcnode/bmc/"), r.passwordSecretRef());
                assertEquals("/redfish/v1", r.serviceRoot());
            }
        }
    }

    @Test
    void dnp3PointsUseObjectGroups() {
        for (String id : List.of("grid_container_commercial_ac", "grid_container_commercial_dc",
                "grid_container_defense")) {
            for (TopologyDevice d : CATALOGUE.topology(id).devices()) {
                if (d.protocolConfig() instanceof Dnp3TcpConfig c) {
                    assertEquals(1, c.masterAddr());
                    c.pointMaps().forEach(p -> assertTrue(Set.of(1, 10, 20, 30, 40).contains(p.functionCode())));
                }
            }
        }
    }

    @Test
    void gridContainerVariantRuleCoversEveryProfile() {
        Map<DeploymentProfile, String> expected = Map.ofEntries(
                Map.entry(DeploymentProfile.COMMERCIAL_NO_BESS, "grid_container_commercial_ac"),
                Map.entry(DeploymentProfile.COMMERCIAL_AC, "grid_container_commercial_ac"),
                Map.entry(DeploymentProfile.COMMERCIAL_DC_EXT, "grid_container_commercial_dc"),
                Map.entry(DeploymentProfile.COMMERCIAL_DC_INT, "grid_container_commercial_dc"),
                Map.entry(DeploymentProfile.FEDERAL_NO_BESS, "grid_container_commercial_ac"),
                Map.entry(DeploymentProfile.FEDERAL_AC, "grid_container_commercial_ac"),
                Map.entry(DeploymentProfile.FEDERAL_DC_EXT, "grid_container_commercial_dc"),
                Map.entry(DeploymentProfile.FEDERAL_DC_INT, "grid_container_commercial_dc"),
                Map.entry(DeploymentProfile.DOD_NO_BESS, "grid_container_defense"),
                Map.entry(DeploymentProfile.DOD_AC, "grid_container_defense"),
                Map.entry(DeploymentProfile.DOD_DC_EXT, "grid_container_defense"));
        assertEquals(DeploymentProfile.values().length, expected.size());
        for (DeploymentProfile p : DeploymentProfile.values()) {
            assertEquals(expected.get(p), AssemblyCatalogue.gridContainerAssembly(p), p.json());
        }
    }

    @Test
    void unknownAssemblyIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CATALOGUE.topology("grid_container_dod"));
        assertTrue(e.getMessage().contains("grid_container_dod"));
    }

    @Test
    void minimalValidFileParses() {
        AssemblyTopology t = parse(HEAD + GOOD_MODBUS);
        assertEquals(1, t.devices().size());
        assertEquals(ProtocolKind.MODBUS_TCP, t.devices().get(0).protocolConfig().protocol());
    }

    @Test
    void badProtocolConfigNamesFileAndDeviceIndex() {
        String bad = """
                  - device_type: rack_pdu
                    host: sim-compute-pdu-a
                    port: 502
                    description: PDU
                    protocol_config:
                      protocol: modbus_tcp
                      point_maps: []
                """;
        CatalogueException e = assertThrows(CatalogueException.class, () -> parse(HEAD + GOOD_MODBUS + bad));
        assertEquals(1, e.deviceIndex());
        assertEquals("catalogue/compute_container/topology.yaml", e.file());
        assertTrue(e.getMessage().startsWith("catalogue/compute_container/topology.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains("devices[1] (rack_pdu)"), e.getMessage());
        assertTrue(e.getMessage().contains("unit_id"), e.getMessage());
    }

    @Test
    void inlinePasswordIsRejected() {
        String bmc = """
                  - device_type: gpu_node_bmc
                    host: sim-compute-bmc-01
                    port: 443
                    description: BMC
                    protocol_config:
                      protocol: redfish
                      username: admin
                      password: hunter2
                      password_secret_ref: vault://arcnode/bmc/gpu-node-01
                      resource_maps: []
                """;
        CatalogueException e = assertThrows(CatalogueException.class, () -> parse(HEAD + GOOD_MODBUS + bmc));
        assertEquals(1, e.deviceIndex());
        assertTrue(e.getMessage().contains("password"), e.getMessage());
    }

    @Test
    void secretRefMustBeAVaultReference() {
        String bmc = """
                  - device_type: gpu_node_bmc
                    host: sim-compute-bmc-01
                    port: 443
                    description: BMC
                    protocol_config:
                      protocol: redfish
                      username: admin
                      password_secret_ref: hunter2
                      resource_maps: []
                """;
        CatalogueException e = assertThrows(CatalogueException.class, () -> parse(HEAD + bmc));
        assertEquals(0, e.deviceIndex());
        assertTrue(e.getMessage().contains("vault"), e.getMessage());
    }

    @Test
    void unknownProtocolAndBadPortAreReported() {
        String dev = GOOD_MODBUS.replace("port: 502", "port: 70000").replace("modbus_tcp", "profibus");
        CatalogueException e = assertThrows(CatalogueException.class, () -> parse(HEAD + dev));
        assertEquals(0, e.deviceIndex());
        assertTrue(e.getMessage().contains("port"), e.getMessage());
        assertTrue(e.getMessage().contains("protocol_config.protocol"), e.getMessage());
    }

    @Test
    void fileLevelProblemsNameTheFile() {
        CatalogueException wrongId = assertThrows(CatalogueException.class,
                () -> parse(HEAD.replace("compute_container", "grid_container_defense") + GOOD_MODBUS));
        assertEquals(-1, wrongId.deviceIndex());
        assertTrue(wrongId.getMessage().contains("assembly_id"), wrongId.getMessage());
        CatalogueException yaml = assertThrows(CatalogueException.class, () -> parse(HEAD + "  - [unclosed"));
        assertTrue(yaml.getMessage().startsWith("catalogue/compute_container/topology.yaml: invalid YAML"),
                yaml.getMessage());
        assertThrows(CatalogueException.class, () -> parse(HEAD));
        assertThrows(CatalogueException.class, () -> parse("extra: 1\n" + HEAD + GOOD_MODBUS));
        CatalogueException assigned = assertThrows(CatalogueException.class,
                () -> parse(HEAD + GOOD_MODBUS.replace("host:", "module_id: x\n    host:")));
        assertEquals(0, assigned.deviceIndex());
    }

    @Test
    void hostMustBeALowerCaseDnsName() {
        CatalogueException e = assertThrows(CatalogueException.class,
                () -> parse(HEAD + GOOD_MODBUS.replace("sim-compute-cdu", "Sim_Compute_CDU")));
        assertTrue(e.getMessage().contains("host"), e.getMessage());
    }

    private static Set<ProtocolKind> kinds(List<TopologyDevice> devices) {
        return devices.stream().map(d -> d.protocolConfig().protocol())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProtocolKind.class)));
    }
}
