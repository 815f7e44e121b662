package io.arcnode.workbench.commissioning.api;

import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.Module;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Every difference between two DTMs: the EDP's {@code dtm.json} as designed against the gateway's as commissioned,
 * or the gateway's against the one about to be applied. Modules are matched by {@code module_id}, devices by
 * {@code device_uuid}. The order is deterministic: the DTM's own fields, then modules, then devices, each in the
 * left DTM's order followed by those only on the right.
 */
public final class DtmDiff {

    /** The side that lacks an element shows this. */
    public static final String ABSENT = "(absent)";

    /**
     * One difference.
     *
     * @param subject {@code DTM}, {@code module <id>} or {@code device <uuid> (<description>)}
     * @param field   the field that differs, or {@code presence} when the element exists on one side only
     * @param left    its value on the left (designed), {@link #ABSENT} when the element is not there
     * @param right   its value on the right (commissioned), {@link #ABSENT} when the element is not there
     */
    public record Difference(String subject, String field, String left, String right) {

        /** @return {@code subject: field left -> right} */
        public String describe() {
            return subject + ": " + field + " " + left + " -> " + right;
        }
    }

    private DtmDiff() {
    }

    /** @return the differences from {@code left} to {@code right}; empty when they describe the same topology */
    public static List<Difference> compare(Dtm left, Dtm right) {
        List<Difference> out = new ArrayList<>();
        field(out, "DTM", "deployment_uuid", left.deploymentUuid(), right.deploymentUuid());
        field(out, "DTM", "ems_mode", left.emsMode().json(), right.emsMode().json());
        field(out, "DTM", "sizing_params", json(left.sizingParams()), json(right.sizingParams()));
        Map<String, Module> lm = modules(left);
        Map<String, Module> rm = modules(right);
        for (Module m : lm.values()) {
            Module o = rm.get(m.moduleId());
            String subject = "module " + m.moduleId();
            if (o == null) {
                out.add(new Difference(subject, "presence", "present", ABSENT));
                continue;
            }
            field(out, subject, "module_type", m.moduleType(), o.moduleType());
            field(out, subject, "container_position", m.containerPosition(), o.containerPosition());
            field(out, subject, "description", m.description(), o.description());
        }
        for (Module o : rm.values()) {
            if (!lm.containsKey(o.moduleId())) {
                out.add(new Difference("module " + o.moduleId(), "presence", ABSENT, "present"));
            }
        }
        Map<UUID, Device> ld = devices(left);
        Map<UUID, Device> rd = devices(right);
        for (Device d : ld.values()) {
            Device o = rd.get(d.deviceUuid());
            String subject = subject(d);
            if (o == null) {
                out.add(new Difference(subject, "presence", "present", ABSENT));
                continue;
            }
            field(out, subject, "device_type", d.deviceType(), o.deviceType());
            field(out, subject, "module_id", d.moduleId(), o.moduleId());
            field(out, subject, "host", d.host(), o.host());
            field(out, subject, "port", d.port(), o.port());
            field(out, subject, "protocol", protocol(d), protocol(o));
            if (protocol(d).equals(protocol(o))) {
                field(out, subject, "protocol_config", json(d.protocolConfig()), json(o.protocolConfig()));
            }
            field(out, subject, "description", d.description(), o.description());
        }
        for (Device o : rd.values()) {
            if (!ld.containsKey(o.deviceUuid())) {
                out.add(new Difference(subject(o), "presence", ABSENT, "present"));
            }
        }
        return List.copyOf(out);
    }

    private static String subject(Device d) {
        return "device " + d.deviceUuid() + (d.description() == null || d.description().isBlank() ? ""
                : " (" + d.description() + ")");
    }

    private static String protocol(Device d) {
        return d.protocolConfig() == null ? "" : d.protocolConfig().protocol().json();
    }

    private static void field(List<Difference> out, String subject, String field, Object left, Object right) {
        if (!Objects.equals(left, right)) {
            out.add(new Difference(subject, field, String.valueOf(left), String.valueOf(right)));
        }
    }

    private static String json(Object value) {
        return value == null ? "null" : ArcnodeJson.write(value);
    }

    private static Map<String, Module> modules(Dtm dtm) {
        Map<String, Module> out = new LinkedHashMap<>();
        if (dtm.modules() != null) {
            dtm.modules().forEach(m -> out.put(m.moduleId(), m));
        }
        return out;
    }

    private static Map<UUID, Device> devices(Dtm dtm) {
        Map<UUID, Device> out = new LinkedHashMap<>();
        if (dtm.devices() != null) {
            dtm.devices().forEach(d -> out.put(d.deviceUuid(), d));
        }
        return out;
    }
}
