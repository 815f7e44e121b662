package io.arcnode.edp.assemblies.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcnode.edp.assemblies.api.AssemblySpec;
import io.arcnode.edp.assemblies.api.CatalogueException;
import io.arcnode.edp.assemblies.api.PortCable;
import io.arcnode.edp.assemblies.api.PortKind;
import io.arcnode.edp.assemblies.api.PortPeer;
import io.arcnode.edp.assemblies.api.SizeUnit;
import io.arcnode.edp.assemblies.api.SpecPort;
import io.arcnode.edp.assemblies.internal.CatalogueYaml;
import io.arcnode.edp.assemblies.internal.model.AssemblyModels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads one {@code spec.yaml}: the interface-plate ports of an assembly. Every problem becomes a
 * {@link CatalogueException} naming the file and the field ({@code ports[2] (CL-S).cable.size}).
 */
public final class SpecReader {

    private static final List<String> TOP_LEVEL = List.of("assembly_id", "description", "ports");
    private static final List<String> PORT_FIELDS = List.of("port_id", "plate", "kind", "description", "connector",
            "connects_to", "cable");
    private static final List<String> CABLE_FIELDS = List.of("part_number", "type", "size", "size_unit", "conductors",
            "length_m");
    private static final Pattern PORT_ID = Pattern.compile("[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*");
    private static final Pattern PART_NUMBER = Pattern.compile("AN-[A-Z0-9]+(-[A-Z0-9]+)*");
    /** Limits of the planning data: a run longer than 2 km or more than 64 parallel conductors is a typo. */
    private static final int MAX_LENGTH_M = 2000;
    private static final int MAX_CONDUCTORS = 64;

    private SpecReader() {
    }

    public static AssemblySpec read(String assemblyId, String file, byte[] yaml) {
        JsonNode root = CatalogueYaml.read(file, yaml);
        if (root == null || !root.isObject()) {
            throw new CatalogueException(file, -1, "must be a YAML mapping with " + String.join(", ", TOP_LEVEL));
        }
        Fields top = new Fields(file, -1, "", root);
        top.onlyKnown(TOP_LEVEL);
        String id = top.text("assembly_id");
        if (!id.equals(assemblyId)) {
            throw top.error("assembly_id", "must be '" + assemblyId + "' (got '" + id + "')");
        }
        String description = top.text("description");
        JsonNode ports = root.get("ports");
        if (ports == null || !ports.isArray() || ports.isEmpty()) {
            throw top.error("ports", "must be a non-empty list");
        }
        List<SpecPort> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            SpecPort p = port(file, i, ports.get(i));
            if (!ids.add(p.portId())) {
                throw new CatalogueException(file, i, "ports[" + i + "] (" + p.portId() + ").port_id: duplicate");
            }
            out.add(p);
        }
        return new AssemblySpec(assemblyId, description, out);
    }

    /**
     * Rules across files: every assembly whose ports connect to {@link PortPeer#GRID_LV_FEEDER} needs, in every
     * grid-container variant, exactly one port of kind {@link PortPeer#COMPUTE_FEED} (where those cables land).
     */
    public static void crossCheck(Map<String, AssemblySpec> specs, List<String> gridVariants,
            Function<String, String> fileOf) {
        for (AssemblySpec s : specs.values()) {
            List<SpecPort> feeds = s.portsTo(PortPeer.GRID_LV_FEEDER);
            if (feeds.isEmpty()) {
                continue;
            }
            for (String grid : gridVariants) {
                int n = specs.get(grid).portsTo(PortPeer.COMPUTE_FEED).size();
                if (n != 1) {
                    throw new CatalogueException(fileOf.apply(grid), -1, "ports: needs exactly one port with "
                            + "connects_to: compute_feed, the landing of " + s.assemblyId() + " "
                            + feeds.get(0).portId() + " (found " + n + ")");
                }
            }
        }
    }

    private static SpecPort port(String file, int i, JsonNode node) {
        String where = "ports[" + i + "]";
        if (node == null || !node.isObject()) {
            throw new CatalogueException(file, i, where + " must be a mapping");
        }
        JsonNode idNode = node.get("port_id");
        if (idNode != null && idNode.isTextual()) {
            where += " (" + idNode.textValue() + ")";
        }
        Fields f = new Fields(file, i, where + ".", node);
        f.onlyKnown(PORT_FIELDS);
        String portId = f.text("port_id");
        if (!PORT_ID.matcher(portId).matches()) {
            throw f.error("port_id", "must look like CG-A or BT-RACK (plate id, '-', upper-case letters/digits)");
        }
        String plate = f.text("plate");
        if (!AssemblyModels.PLATES.containsKey(plate)) {
            throw f.error("plate", "must be one of CL, NW, CG, BT (got '" + plate + "')");
        }
        if (!portId.startsWith(plate + "-")) {
            throw f.error("port_id", "must start with its plate '" + plate + "-'");
        }
        PortKind kind = f.enumValue("kind", PortKind::fromJson);
        String description = f.text("description");
        String connector = f.text("connector");
        PortPeer peer = f.enumValue("connects_to", PortPeer::fromJson);
        if (peer.kind() != kind) {
            throw f.error("connects_to", peer.json() + " needs kind " + peer.kind().json() + ", the port is "
                    + kind.json());
        }
        JsonNode cableNode = node.get("cable");
        PortCable cable = null;
        if (peer == PortPeer.COMPUTE_FEED) {
            if (cableNode != null) {
                throw f.error("cable", "not allowed for compute_feed: the compute container's port defines the cable");
            }
        } else {
            if (cableNode == null || !cableNode.isObject()) {
                throw f.error("cable", "required mapping with " + String.join(", ", CABLE_FIELDS));
            }
            cable = cable(new Fields(file, i, where + ".cable.", cableNode), kind);
        }
        return new SpecPort(portId, plate, kind, description, connector, peer, cable);
    }

    private static PortCable cable(Fields f, PortKind kind) {
        f.onlyKnown(CABLE_FIELDS);
        String part = f.text("part_number");
        if (!PART_NUMBER.matcher(part).matches()) {
            throw f.error("part_number", "must look like AN-CBL-1C95 (AN-, upper-case letters/digits and '-')");
        }
        String type = f.text("type");
        SizeUnit unit = f.enumValue("size_unit", SizeUnit::fromJson);
        if (unit != kind.sizeUnit()) {
            throw f.error("size_unit", "a " + kind.json() + " port is sized in " + kind.sizeUnit().json()
                    + " (got " + unit.json() + ")");
        }
        double size = f.number("size");
        if (!unit.series().contains(size)) {
            throw f.error("size", unit.label(size) + " is not a standard size; allowed " + unit.json() + ": "
                    + unit.series().stream().map(unit::label).toList());
        }
        int conductors = f.integer("conductors", 1, MAX_CONDUCTORS);
        int length = f.integer("length_m", 1, MAX_LENGTH_M);
        return new PortCable(part, type, size, unit, conductors, length);
    }

    /** Typed access to the fields of one mapping, with errors naming the file and {@code prefix + field}. */
    private record Fields(String file, int index, String prefix, JsonNode node) {

        void onlyKnown(List<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw error(name, "unknown field (allowed: " + String.join(", ", allowed) + ")");
                }
            }
        }

        String text(String name) {
            JsonNode v = node.get(name);
            if (v == null || !v.isTextual() || v.textValue().isBlank()) {
                throw error(name, "must be a non-empty string");
            }
            return v.textValue();
        }

        double number(String name) {
            JsonNode v = node.get(name);
            if (v == null || !v.isNumber()) {
                throw error(name, "must be a number");
            }
            return v.doubleValue();
        }

        int integer(String name, int min, int max) {
            JsonNode v = node.get(name);
            if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min
                    || v.intValue() > max) {
                throw error(name, "must be an integer " + min + ".." + max);
            }
            return v.intValue();
        }

        <E> E enumValue(String name, Function<String, E> parse) {
            String v = text(name);
            try {
                return parse.apply(v);
            } catch (IllegalArgumentException e) {
                throw error(name, e.getMessage());
            }
        }

        CatalogueException error(String name, String message) {
            return new CatalogueException(file, index, prefix + name + ": " + message);
        }
    }
}
