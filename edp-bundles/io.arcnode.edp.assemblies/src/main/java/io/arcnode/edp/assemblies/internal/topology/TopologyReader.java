package io.arcnode.edp.assemblies.internal.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcnode.api.ValidationException;
import io.arcnode.api.Violation;
import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.Dtms;
import io.arcnode.api.dtm.RedfishConfig;
import io.arcnode.edp.assemblies.api.AssemblyTopology;
import io.arcnode.edp.assemblies.api.CatalogueException;
import io.arcnode.edp.assemblies.api.TopologyDevice;
import io.arcnode.edp.assemblies.internal.CatalogueYaml;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one {@code topology.yaml}. Device validation reuses the DTM contract: the devices are wrapped into a
 * one-module DTM document and parsed with {@link Dtms#parse(JsonNode)}, so {@code protocol_config}, {@code host},
 * {@code port} and {@code description} obey exactly the rules a DTM consumer applies (strict types, discriminator,
 * unknown fields, port range); violations are mapped back to {@code devices[i]} of the file.
 */
public final class TopologyReader {

    private static final Set<String> TOP_LEVEL = Set.of("assembly_id", "description", "devices");
    private static final Pattern DEVICE_TYPE = Pattern.compile("[a-z][a-z0-9_]*");
    /** Lower-case DNS name; the DTM generator appends {@code .<module_id>}, which keeps it one. */
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    /** {@code vault://<mount>/<path...>/<name>}: at least two segments so a module id can be inserted. */
    private static final Pattern SECRET_REF = Pattern.compile("vault://[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+");
    private static final String NIL_UUID = "00000000-0000-0000-0000-000000000000";
    private static final String PLACEHOLDER_MODULE = "topology";
    private static final Pattern DEVICE_FIELD = Pattern.compile("devices\\[(\\d+)](.*)");

    private TopologyReader() {
    }

    public static AssemblyTopology read(String assemblyId, String file, byte[] yaml) {
        JsonNode root = CatalogueYaml.read(file, yaml);
        if (root == null || !root.isObject()) {
            throw new CatalogueException(file, -1, "must be a YAML mapping with assembly_id, description, devices");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!TOP_LEVEL.contains(f)) {
                throw new CatalogueException(file, -1, "unknown top-level field '" + f
                        + "' (allowed: assembly_id, description, devices)");
            }
        }
        JsonNode id = root.get("assembly_id");
        if (id == null || !id.isTextual() || !id.textValue().equals(assemblyId)) {
            throw new CatalogueException(file, -1, "assembly_id must be '" + assemblyId + "' (got "
                    + (id == null ? "nothing" : id.toString()) + ")");
        }
        JsonNode description = root.get("description");
        if (description == null || !description.isTextual() || description.textValue().isBlank()) {
            throw new CatalogueException(file, -1, "description must be a non-empty string");
        }
        JsonNode devices = root.get("devices");
        if (devices == null || !devices.isArray() || devices.isEmpty()) {
            throw new CatalogueException(file, -1, "devices must be a non-empty list");
        }
        List<TopologyDevice> out = bind(assemblyId, file, (ArrayNode) devices);
        return new AssemblyTopology(assemblyId, description.textValue(), out);
    }

    private static List<TopologyDevice> bind(String assemblyId, String file, ArrayNode devices) {
        JsonNodeFactory nf = JsonNodeFactory.instance;
        ArrayNode wrapped = nf.arrayNode();
        for (int i = 0; i < devices.size(); i++) {
            JsonNode d = devices.get(i);
            if (!d.isObject()) {
                throw new CatalogueException(file, i, "devices[" + i + "] must be a mapping");
            }
            for (String assigned : List.of("device_uuid", "module_id")) {
                if (d.has(assigned)) {
                    throw new CatalogueException(file, i, label(i, d) + ": '" + assigned
                            + "' is assigned by the DTM generator, not the topology");
                }
            }
            ObjectNode w = nf.objectNode();
            w.put("device_uuid", NIL_UUID);
            w.put("module_id", PLACEHOLDER_MODULE);
            w.setAll((ObjectNode) d);
            wrapped.add(w);
        }
        ObjectNode dtm = nf.objectNode();
        dtm.put("deployment_uuid", NIL_UUID);
        dtm.put("ems_mode", "sim");
        ObjectNode sizing = dtm.putObject("sizing_params");
        sizing.put("P_compute_total_kW", 0.0);
        sizing.put("E_BESS_total_kWh", 0.0);
        sizing.put("T_coolant_setpoint_C", 0.0);
        ObjectNode module = dtm.putArray("modules").addObject();
        module.put("module_id", PLACEHOLDER_MODULE);
        module.put("module_type", assemblyId);
        module.put("container_position", "X");
        module.put("description", "topology check");
        dtm.set("devices", wrapped);

        Dtm parsed;
        try {
            parsed = Dtms.parse(dtm);
        } catch (ValidationException e) {
            throw fromViolations(file, devices, e.violations());
        }
        List<TopologyDevice> out = new ArrayList<>();
        for (int i = 0; i < parsed.devices().size(); i++) {
            Device d = parsed.devices().get(i);
            String where = label(i, devices.get(i));
            if (!DEVICE_TYPE.matcher(d.deviceType()).matches()) {
                throw new CatalogueException(file, i, where + ": device_type must be snake_case");
            }
            if (!HOST.matcher(d.host()).matches()) {
                throw new CatalogueException(file, i, where + ": host '" + d.host()
                        + "' must be a lower-case DNS name");
            }
            if (d.description().isBlank()) {
                throw new CatalogueException(file, i, where + ": description must not be empty");
            }
            if (d.protocolConfig() instanceof RedfishConfig r && !SECRET_REF.matcher(r.passwordSecretRef()).matches()) {
                throw new CatalogueException(file, i, where + ": protocol_config.password_secret_ref must be a vault "
                        + "reference vault://<mount>/<path>/<name> (never an inline secret)");
            }
            out.add(new TopologyDevice(d.deviceType(), d.host(), d.port(), d.protocolConfig(), d.description()));
        }
        return out;
    }

    private static CatalogueException fromViolations(String file, ArrayNode devices, List<Violation> violations) {
        int first = -1;
        StringBuilder sb = new StringBuilder();
        for (Violation v : violations) {
            Matcher m = DEVICE_FIELD.matcher(v.field());
            if (sb.length() > 0) {
                sb.append("; ");
            }
            if (m.matches()) {
                int i = Integer.parseInt(m.group(1));
                if (first < 0) {
                    first = i;
                }
                String rest = m.group(2).startsWith(".") ? m.group(2).substring(1) : m.group(2);
                sb.append(label(i, devices.get(i))).append(": ").append(rest.isEmpty() ? "device" : rest)
                        .append(" [").append(v.rule()).append("]: ").append(v.message());
            } else {
                sb.append(v);
            }
        }
        return new CatalogueException(file, first, sb.toString());
    }

    private static String label(int i, JsonNode device) {
        JsonNode t = device == null ? null : device.get("device_type");
        return "devices[" + i + "]" + (t != null && t.isTextual() ? " (" + t.textValue() + ")" : "");
    }
}
