package io.arcnode.api.dtm;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.FieldReader;
import io.arcnode.api.ValidatingDeserializer;
import io.arcnode.api.ValidationException;
import io.arcnode.api.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validating parser for {@link Dtm}.
 *
 * <p>Rules: every field required except {@code ems_mode} (default {@code sim}) and
 * {@code protocol_config.service_root} of Redfish (default {@code /redfish/v1}); JSON null counts as
 * missing; types strict (integers must be integral JSON numbers); enums strict; UUIDs canonical;
 * {@code port} in 1..65535 ({@code ge=1}/{@code le=65535}); {@code protocol_config.protocol} missing is
 * {@code required}, an unknown value is {@code discriminator}; unknown fields rejected (for a
 * protocol config: fields not belonging to the selected protocol). Model rule {@value #DTM_MODULE_FK}:
 * every device's {@code module_id} must name a module, message
 * {@code device <uuid>: module_id '<id>' not in modules}, field {@code devices[i].module_id}; checked
 * for devices whose {@code device_uuid} and {@code module_id} are valid, and only when the
 * {@code modules} list itself has no violation.
 */
public final class Dtms {

    /** Rule id of the device to module foreign key. */
    public static final String DTM_MODULE_FK = "dtm_module_fk";

    private Dtms() {
    }

    /**
     * Parses and validates a JSON text.
     *
     * @throws ValidationException listing every violation (rule {@code json} for malformed text)
     */
    public static Dtm parse(String json) {
        return parse(ArcnodeJson.readTree(json));
    }

    /**
     * Validates a JSON tree and binds it.
     *
     * @throws ValidationException listing every violation
     */
    public static Dtm parse(JsonNode json) {
        List<Violation> violations = new ArrayList<>();
        FieldReader r = FieldReader.of(json, "", "Dtm", violations);
        if (r == null) {
            throw new ValidationException(violations);
        }
        List<Boolean> deviceFkReady = new ArrayList<>();
        Dtm dtm = new Dtm(
                r.uuid("deployment_uuid"),
                r.enumValueOr("ems_mode", EmsMode.class, EmsMode.SIM),
                sizing(r.object("sizing_params", "SizingParams")),
                r.objectList("modules", "Module", Dtms::module),
                r.objectList("devices", "Device", d -> device(d, deviceFkReady)));
        boolean modulesValid = dtm.modules() != null && r.valid("modules");
        if (modulesValid && dtm.devices() != null) {
            Set<String> ids = new HashSet<>();
            for (Module m : dtm.modules()) {
                ids.add(m.moduleId());
            }
            // devices list may be shorter than the JSON array when elements were not objects: walk JSON indexes
            JsonNode arr = json.get("devices");
            int k = 0;
            for (int i = 0; i < arr.size(); i++) {
                if (!arr.get(i).isObject()) {
                    continue;
                }
                Device d = dtm.devices().get(k);
                boolean ready = deviceFkReady.get(k);
                k++;
                if (ready && !ids.contains(d.moduleId())) {
                    violations.add(new Violation("devices[" + i + "].module_id", DTM_MODULE_FK,
                            "device " + d.deviceUuid() + ": module_id '" + d.moduleId() + "' not in modules"));
                }
            }
        }
        r.finish();
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return dtm;
    }

    /**
     * Checks the foreign-key rule on an already-built DTM.
     *
     * @return one {@value #DTM_MODULE_FK} violation per device whose {@code module_id} names no module
     */
    public static List<Violation> validate(Dtm dtm) {
        List<Violation> out = new ArrayList<>();
        if (dtm.modules() == null || dtm.devices() == null) {
            return List.of();
        }
        Set<String> ids = new HashSet<>();
        for (Module m : dtm.modules()) {
            ids.add(m.moduleId());
        }
        for (int i = 0; i < dtm.devices().size(); i++) {
            Device d = dtm.devices().get(i);
            if (!ids.contains(d.moduleId())) {
                out.add(new Violation("devices[" + i + "].module_id", DTM_MODULE_FK,
                        "device " + d.deviceUuid() + ": module_id '" + d.moduleId() + "' not in modules"));
            }
        }
        return List.copyOf(out);
    }

    private static SizingParams sizing(FieldReader r) {
        if (r == null) {
            return null;
        }
        SizingParams s = new SizingParams(
                r.number("P_compute_total_kW"),
                r.number("E_BESS_total_kWh"),
                r.number("T_coolant_setpoint_C"));
        r.finish();
        return s;
    }

    private static Module module(FieldReader r) {
        return new Module(
                r.string("module_id"),
                r.string("module_type"),
                r.string("container_position"),
                r.string("description"));
    }

    private static Device device(FieldReader r, List<Boolean> fkReady) {
        Device d = new Device(
                r.uuid("device_uuid"),
                r.string("device_type"),
                r.string("module_id"),
                r.string("host"),
                r.integer("port"),
                protocolConfig(r.object("protocol_config", "ProtocolConfig")),
                r.string("description"));
        if (r.valid("port")) {
            r.atLeast("port", d.port(), 1, true);
            r.atMost("port", d.port(), 65535, true);
        }
        fkReady.add(r.valid("device_uuid", "module_id"));
        return d;
    }

    private static ProtocolConfig protocolConfig(FieldReader r) {
        if (r == null) {
            return null;
        }
        ProtocolKind kind = r.enumValue("protocol", ProtocolKind.class, "discriminator");
        if (kind == null) {
            return null; // other fields are meaningless without a valid tag; do not report them
        }
        ProtocolConfig c = switch (kind) {
            case MODBUS_TCP -> new ModbusTcpConfig(
                    r.integer("unit_id"),
                    r.objectList("point_maps", "PointMap", Dtms::pointMap));
            case DNP3_TCP -> new Dnp3TcpConfig(
                    r.integer("master_addr"),
                    r.integer("outstation_addr"),
                    r.objectList("point_maps", "PointMap", Dtms::pointMap));
            case SNMP -> new SnmpConfig(
                    snmpCreds(r.object("creds", "SnmpV3Creds")),
                    r.objectList("oid_maps", "OidMap", o -> new OidMap(o.string("name"), o.string("oid"))));
            case CANOPEN_GW -> new CanopenGwConfig(
                    r.string("gateway_vendor"),
                    r.integer("node_id"),
                    r.objectList("pdo_maps", "PdoMap", p -> new PdoMap(
                            p.string("name"), p.integer("cob_id"), p.integer("byte_offset"), p.integer("byte_length"))));
            case REDFISH -> new RedfishConfig(
                    r.string("username"),
                    r.string("password_secret_ref"),
                    r.stringOr("service_root", RedfishConfig.DEFAULT_SERVICE_ROOT),
                    r.objectList("resource_maps", "RedfishResourceMap",
                            m -> new RedfishResourceMap(m.string("name"), m.string("uri"))));
        };
        r.finish();
        return c;
    }

    private static PointMap pointMap(FieldReader p) {
        return new PointMap(p.string("name"), p.integer("function_code"), p.integer("start_address"),
                p.integer("count"));
    }

    private static SnmpV3Creds snmpCreds(FieldReader r) {
        if (r == null) {
            return null;
        }
        SnmpV3Creds c = new SnmpV3Creds(r.string("user"), r.string("auth_proto"), r.string("priv_proto"));
        r.finish();
        return c;
    }

    /** Jackson deserialiser routing {@link Dtm} through {@link #parse(JsonNode)}. */
    public static final class Deserializer extends ValidatingDeserializer<Dtm> {
        private static final long serialVersionUID = 1L;

        /** Used by Jackson. */
        public Deserializer() {
            super(Dtm.class, Dtms::parse);
        }
    }
}
