package io.arcnode.workbench.edp.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.ValidationException;
import io.arcnode.api.dtm.Dtms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code dtm.json} as a tree for the DTM viewer: modules, in each its devices, in each device its protocol
 * configuration, and in that its point maps (Modbus point maps, SNMP OIDs, Redfish resources, ... whatever lists
 * the protocol has). Devices whose module is not in the DTM hang under "(no module)". Every node carries the
 * scalar fields of its JSON object as properties, in the document's order, for the property view.
 *
 * @param label      what the tree shows
 * @param properties field and value of every scalar field (lists and objects are children)
 * @param children   the nodes below
 */
public record DtmTree(String label, Map<String, String> properties, List<DtmTree> children) {

    /**
     * @return the tree of the DTM in {@code file}
     * @throws IllegalArgumentException naming the file and the first violation when it is not a valid DTM
     */
    public static DtmTree read(Path file) {
        JsonNode doc;
        try {
            doc = ArcnodeJson.readTree(Files.readString(file, StandardCharsets.UTF_8));
            Dtms.parse(doc); // the platform's own checks: a DTM the gateway would refuse is refused here too
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (ValidationException e) {
            throw new IllegalArgumentException(file + ": " + e.violations().get(0), e);
        }
        return of(doc);
    }

    static DtmTree of(JsonNode doc) {
        Map<String, List<DtmTree>> byModule = new LinkedHashMap<>();
        List<DtmTree> modules = new ArrayList<>();
        for (JsonNode m : doc.path("modules")) {
            List<DtmTree> devices = new ArrayList<>();
            byModule.put(m.path("module_id").asText(), devices);
            modules.add(new DtmTree(m.path("module_id").asText() + " (" + m.path("module_type").asText() + ")",
                    scalars(m), devices));
        }
        List<DtmTree> orphans = new ArrayList<>();
        for (JsonNode d : doc.path("devices")) {
            JsonNode pc = d.path("protocol_config");
            DtmTree config = new DtmTree("protocol_config (" + pc.path("protocol").asText("?") + ")", scalars(pc),
                    lists(pc));
            DtmTree device = new DtmTree(d.path("device_type").asText() + " " + d.path("host").asText() + ":"
                    + d.path("port").asText(), scalars(d), List.of(config));
            byModule.getOrDefault(d.path("module_id").asText(), orphans).add(device);
        }
        if (!orphans.isEmpty()) {
            modules.add(new DtmTree("(no module)", Map.of(), orphans));
        }
        return new DtmTree("DTM " + doc.path("deployment_uuid").asText() + " (" + doc.path("ems_mode").asText()
                + ")", scalars(doc), List.copyOf(modules));
    }

    /** @return the lists (and objects) of a protocol config as nodes, their items as children */
    private static List<DtmTree> lists(JsonNode config) {
        List<DtmTree> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            if (v.isArray()) {
                List<DtmTree> items = new ArrayList<>();
                int i = 0;
                for (JsonNode item : v) {
                    i++;
                    String name = item.path("name").asText(item.path("oid").asText(item.path("path").asText("#" + i)));
                    items.add(new DtmTree(name, item.isObject() ? scalars(item) : Map.of("value", item.asText()),
                            item.isObject() ? lists(item) : List.of()));
                }
                out.add(new DtmTree(f.getKey() + " (" + v.size() + ")", Map.of(), items));
            } else if (v.isObject()) {
                out.add(new DtmTree(f.getKey(), scalars(v), lists(v)));
            }
        }
        return out;
    }

    private static Map<String, String> scalars(JsonNode o) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getValue().isValueNode()) {
                out.put(f.getKey(), f.getValue().isNull() ? "" : f.getValue().asText());
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** @return the number of nodes in this tree, this one included */
    public int size() {
        int n = 1;
        for (DtmTree c : children) {
            n += c.size();
        }
        return n;
    }
}
