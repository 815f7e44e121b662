package io.arcnode.api.dtm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.ValidationException;
import io.arcnode.api.Violation;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DtmsTest {

    static final String DEV = "00000000-0000-5000-8000-0000000000";

    static String device(int i, String module, String protocolConfig) {
        return "{\"device_uuid\":\"" + DEV + String.format("%02d", i) + "\",\"device_type\":\"pcs\",\"module_id\":\"" + module
                + "\",\"host\":\"10.0.0." + i + "\",\"port\":502,\"protocol_config\":" + protocolConfig
                + ",\"description\":\"device " + i + "\"}";
    }

    static final String MODBUS = "{\"protocol\":\"modbus_tcp\",\"unit_id\":1,\"point_maps\":[{\"name\":\"soc\",\"function_code\":3,\"start_address\":40001,\"count\":2}]}";
    static final String DNP3 = "{\"protocol\":\"dnp3_tcp\",\"master_addr\":1,\"outstation_addr\":10,\"point_maps\":[]}";
    static final String SNMP = "{\"protocol\":\"snmp\",\"creds\":{\"user\":\"ems\",\"auth_proto\":\"SHA256\",\"priv_proto\":\"AES128\"},\"oid_maps\":[{\"name\":\"ups_load\",\"oid\":\"1.3.6.1.2.1.33.1.4.4.1.5\"}]}";
    static final String CANOPEN = "{\"protocol\":\"canopen_gw\",\"gateway_vendor\":\"ixxat\",\"node_id\":5,\"pdo_maps\":[{\"name\":\"cell_v\",\"cob_id\":385,\"byte_offset\":0,\"byte_length\":2}]}";
    static final String REDFISH = "{\"protocol\":\"redfish\",\"username\":\"ems\",\"password_secret_ref\":\"vault:bmc/1\",\"service_root\":\"/redfish/v1\",\"resource_maps\":[{\"name\":\"thermal\",\"uri\":\"/redfish/v1/Chassis/1/Thermal\"}]}";

    static String dtm(String... devices) {
        return "{\"deployment_uuid\":\"6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b\",\"ems_mode\":\"sim\","
                + "\"sizing_params\":{\"P_compute_total_kW\":1200.0,\"E_BESS_total_kWh\":20000.0,\"T_coolant_setpoint_C\":32.5},"
                + "\"modules\":[{\"module_id\":\"compute-1\",\"module_type\":\"compute_container\",\"container_position\":\"A1\",\"description\":\"c1\"},"
                + "{\"module_id\":\"grid-1\",\"module_type\":\"grid_container\",\"container_position\":\"B1\",\"description\":\"g1\"}],"
                + "\"devices\":[" + String.join(",", devices) + "]}";
    }

    static final String FULL = dtm(device(1, "grid-1", MODBUS), device(2, "grid-1", DNP3), device(3, "compute-1", SNMP),
            device(4, "grid-1", CANOPEN), device(5, "compute-1", REDFISH));

    static List<Violation> violations(String json) {
        return assertThrows(ValidationException.class, () -> Dtms.parse(json)).violations();
    }

    static List<String> fieldRules(List<Violation> v) {
        return v.stream().map(x -> x.field() + ":" + x.rule()).collect(Collectors.toList());
    }

    @Test
    void allFiveProtocolsRoundTripByteIdentical() {
        Dtm d = Dtms.parse(FULL);
        assertEquals(FULL, ArcnodeJson.write(d), "canonical input must be reproduced exactly (protocol first)");
        assertEquals(ArcnodeJson.write(d), ArcnodeJson.write(Dtms.parse(ArcnodeJson.write(d))));
        List<Class<?>> types = d.devices().stream().map(x -> x.protocolConfig().getClass()).collect(Collectors.toList());
        assertEquals(List.of(ModbusTcpConfig.class, Dnp3TcpConfig.class, SnmpConfig.class, CanopenGwConfig.class,
                RedfishConfig.class), types);
        assertEquals(List.of(ProtocolKind.MODBUS_TCP, ProtocolKind.DNP3_TCP, ProtocolKind.SNMP, ProtocolKind.CANOPEN_GW,
                ProtocolKind.REDFISH), d.devices().stream().map(x -> x.protocolConfig().protocol()).collect(Collectors.toList()));
        ModbusTcpConfig m = (ModbusTcpConfig) d.devices().get(0).protocolConfig();
        assertEquals(new PointMap("soc", 3, 40001, 2), m.pointMaps().get(0));
        SnmpConfig s = (SnmpConfig) d.devices().get(2).protocolConfig();
        assertEquals("AES128", s.creds().privProto());
        assertEquals(1200.0, d.sizingParams().pComputeTotalKw());
        assertEquals(UUID.fromString(DEV + "05"), d.devices().get(4).deviceUuid());
    }

    @Test
    void sizingParamNamesExact() {
        String json = ArcnodeJson.write(new SizingParams(1, 2, 3));
        assertEquals("{\"P_compute_total_kW\":1.0,\"E_BESS_total_kWh\":2.0,\"T_coolant_setpoint_C\":3.0}", json);
    }

    @Test
    void protocolWrittenFirstForStandaloneConfig() {
        String json = ArcnodeJson.write(new RedfishConfig("u", "vault:x", null, List.of()));
        assertEquals("{\"protocol\":\"redfish\",\"username\":\"u\",\"password_secret_ref\":\"vault:x\","
                + "\"service_root\":\"/redfish/v1\",\"resource_maps\":[]}", json);
    }

    @Test
    void jacksonPolymorphicReadOfDevice() throws Exception {
        Device d = ArcnodeJson.mapper().readValue(device(7, "grid-1", CANOPEN), Device.class);
        CanopenGwConfig c = assertInstanceOf(CanopenGwConfig.class, d.protocolConfig());
        assertEquals(5, c.nodeId());
    }

    @Test
    void redfishServiceRootDefaults() {
        String noRoot = REDFISH.replace("\"service_root\":\"/redfish/v1\",", "");
        Dtm d = Dtms.parse(dtm(device(1, "grid-1", noRoot)));
        assertEquals("/redfish/v1", ((RedfishConfig) d.devices().get(0).protocolConfig()).serviceRoot());
        String custom = REDFISH.replace("\"/redfish/v1\",\"resource_maps", "\"/rf\",\"resource_maps");
        assertEquals("/rf", ((RedfishConfig) Dtms.parse(dtm(device(1, "grid-1", custom))).devices().get(0)
                .protocolConfig()).serviceRoot());
        String nullRoot = REDFISH.replace("\"service_root\":\"/redfish/v1\"", "\"service_root\":null");
        assertEquals(List.of("devices[0].protocol_config.service_root:required"), fieldRules(violations(dtm(device(1, "grid-1", nullRoot)))));
    }

    @Test
    void emsModeDefaultsToSim() {
        String json = FULL.replace("\"ems_mode\":\"sim\",", "");
        assertEquals(EmsMode.SIM, Dtms.parse(json).emsMode());
        assertEquals(EmsMode.LIVE, Dtms.parse(FULL.replace("\"ems_mode\":\"sim\"", "\"ems_mode\":\"live\"")).emsMode());
        assertEquals(List.of("ems_mode:enum"), fieldRules(violations(FULL.replace("\"ems_mode\":\"sim\"", "\"ems_mode\":\"SIM\""))));
    }

    @Test
    void unknownProtocolIsDiscriminatorViolation() {
        String bad = "{\"protocol\":\"bacnet\",\"device_instance\":3}";
        List<Violation> v = violations(dtm(device(1, "grid-1", bad)));
        assertEquals(1, v.size(), v::toString);
        assertEquals("devices[0].protocol_config.protocol", v.get(0).field());
        assertEquals("discriminator", v.get(0).rule());
        assertTrue(v.get(0).message().contains("[modbus_tcp, dnp3_tcp, snmp, canopen_gw, redfish]"), v.get(0).message());
    }

    @Test
    void missingProtocolIsRequired() {
        List<Violation> v = violations(dtm(device(1, "grid-1", "{\"unit_id\":1,\"point_maps\":[]}")));
        assertEquals(List.of("devices[0].protocol_config.protocol:required"), fieldRules(v));
    }

    @Test
    void fieldsOfAnotherProtocolAreUnknown() {
        String mixed = MODBUS.replace("\"unit_id\":1", "\"unit_id\":1,\"node_id\":5");
        assertEquals(List.of("devices[0].protocol_config.node_id:unknown_field"), fieldRules(violations(dtm(device(1, "grid-1", mixed)))));
    }

    @Test
    void foreignKeyRule() {
        List<Violation> v = violations(dtm(device(1, "grid-1", MODBUS), device(2, "grid-9", DNP3)));
        assertEquals(1, v.size(), v::toString);
        assertEquals("devices[1].module_id", v.get(0).field());
        assertEquals("dtm_module_fk", v.get(0).rule());
        assertEquals("device " + DEV + "02: module_id 'grid-9' not in modules", v.get(0).message());
    }

    @Test
    void foreignKeyOnBuiltObject() {
        Dtm ok = Dtms.parse(FULL);
        assertTrue(Dtms.validate(ok).isEmpty());
        Dtm bad = new Dtm(ok.deploymentUuid(), null, ok.sizingParams(), ok.modules().subList(0, 1), ok.devices());
        assertEquals(EmsMode.SIM, bad.emsMode());
        assertEquals(3, Dtms.validate(bad).size());
    }

    @Test
    void portAndIntegerRules() {
        ObjectNode root = (ObjectNode) ArcnodeJson.readTree(FULL);
        ArrayNode devices = (ArrayNode) root.get("devices");
        ((ObjectNode) devices.get(0)).put("port", 0);
        ((ObjectNode) devices.get(1)).put("port", 65536);
        ((ObjectNode) devices.get(2)).put("port", 502.0);
        ((ObjectNode) devices.get(3)).put("port", "502");
        ((ObjectNode) devices.get(4)).put("port", 65535);
        ((ObjectNode) devices.get(0).get("protocol_config")).put("unit_id", 1.5);
        List<Violation> v = assertThrows(ValidationException.class, () -> Dtms.parse(root)).violations();
        assertEquals(List.of("devices[0].protocol_config.unit_id:type", "devices[0].port:ge=1", "devices[1].port:le=65535",
                "devices[2].port:type", "devices[3].port:type"), fieldRules(v));
    }

    @Test
    void manyProblemsAtOnce() {
        ObjectNode root = (ObjectNode) ArcnodeJson.readTree(FULL);
        root.put("deployment_uuid", "nope");
        root.remove("sizing_params");
        root.put("dtm_version", 2);
        ObjectNode d0 = (ObjectNode) root.get("devices").get(0);
        d0.put("device_uuid", "x");
        d0.remove("host");
        ((ObjectNode) root.get("modules").get(1)).put("colour", "red");
        ((ArrayNode) root.get("devices")).add(3);
        List<String> got = fieldRules(assertThrows(ValidationException.class, () -> Dtms.parse(root)).violations());
        assertEquals(List.of("deployment_uuid:uuid", "sizing_params:required", "modules[1].colour:unknown_field",
                "devices[0].device_uuid:uuid", "devices[0].host:required", "devices[5]:type", "dtm_version:unknown_field"), got);
    }

    @Test
    void listsAreImmutable() {
        Dtm d = Dtms.parse(FULL);
        assertThrows(UnsupportedOperationException.class, () -> d.devices().clear());
    }
}
