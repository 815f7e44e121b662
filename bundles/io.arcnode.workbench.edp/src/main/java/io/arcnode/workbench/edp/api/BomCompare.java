package io.arcnode.workbench.edp.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The differences between the bills of materials of two revisions ({@code bom.json}): lines are matched by
 * {@code item} and {@code part_number}; a line on one side only is {@code added} or {@code removed}, a matched line
 * lists every field whose value differs ({@code quantity}, {@code description}, ...). Order: the left BOM's lines,
 * then the lines only the right one has.
 */
public final class BomCompare {

    /** Shown for the side that lacks a line or field. */
    public static final String ABSENT = "(absent)";

    /**
     * One difference.
     *
     * @param line  {@code <item> <part_number>}
     * @param field the field, or {@code line} for an added or removed line
     * @param left  its value in the left (older) revision
     * @param right its value in the right (newer) revision
     */
    public record Difference(String line, String field, String left, String right) {
    }

    private BomCompare() {
    }

    /** @return the differences from the left BOM file to the right one */
    public static List<Difference> compare(Path left, Path right) throws IOException {
        return compare(lines(left), lines(right));
    }

    static List<Difference> compare(Map<String, JsonNode> left, Map<String, JsonNode> right) {
        List<Difference> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : left.entrySet()) {
            JsonNode other = right.get(e.getKey());
            if (other == null) {
                out.add(new Difference(e.getKey(), "line", "present", ABSENT));
                continue;
            }
            Set<String> fields = new LinkedHashSet<>();
            e.getValue().fieldNames().forEachRemaining(fields::add);
            other.fieldNames().forEachRemaining(fields::add);
            fields.remove("line"); // the line number follows from the order; a renumbering is no change of content
            for (String f : fields) {
                JsonNode a = e.getValue().get(f);
                JsonNode b = other.get(f);
                if (!Objects.equals(a, b)) {
                    out.add(new Difference(e.getKey(), f, text(a), text(b)));
                }
            }
        }
        for (String key : right.keySet()) {
            if (!left.containsKey(key)) {
                out.add(new Difference(key, "line", ABSENT, "present"));
            }
        }
        return List.copyOf(out);
    }

    private static String text(JsonNode n) {
        return n == null ? ABSENT : n.isTextual() ? n.textValue() : n.toString();
    }

    private static Map<String, JsonNode> lines(Path file) throws IOException {
        JsonNode bom;
        try {
            bom = ArcnodeJson.readTree(Files.readString(file));
        } catch (ValidationException e) {
            throw new IOException(file + ": not JSON (" + e.getMessage() + ")", e);
        }
        JsonNode lines = bom.path("lines");
        if (!lines.isArray()) {
            throw new IOException(file + ": no lines array (not a bom.json)");
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        Iterator<JsonNode> it = lines.elements();
        while (it.hasNext()) {
            JsonNode line = it.next();
            String key = line.path("item").asText("") + " " + line.path("part_number").asText("");
            String unique = key;
            for (int n = 2; out.containsKey(unique); n++) {
                unique = key + " #" + n; // the same part twice: matched by its occurrence
            }
            out.put(unique, line);
        }
        return out;
    }
}
