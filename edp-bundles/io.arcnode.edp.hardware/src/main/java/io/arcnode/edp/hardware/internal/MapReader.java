package io.arcnode.edp.hardware.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.arcnode.api.edp.DeploymentProfile;
import io.arcnode.edp.hardware.api.HardwareMapException;
import io.arcnode.edp.hardware.api.HardwareMapException.Problem;
import io.arcnode.edp.hardware.api.HardwareSelection;
import io.arcnode.edp.hardware.api.HardwareSelection.Assembly;
import io.arcnode.edp.hardware.api.HardwareSelection.Plate;
import io.arcnode.edp.hardware.api.HardwareSelector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads and validates {@code hardware_selector_map.yaml}; collects every problem before throwing. Store existence is
 * asked only when the map is otherwise valid, once per distinct URL, in file order.
 */
public final class MapReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** Same key rule as the artifact store: no empty, dot-led ({@code .}, {@code ..}) or odd segments. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final List<String> ENTRY_KEYS = List.of("compute_container", "grid_container", "interface_plates");
    private static final List<String> PLATE_KEYS = List.of("plate_id", "step", "dxf", "pdf");
    private static final Set<String> KNOWN_PLATES = Set.of("CL", "NW", "CG", "BT");

    private MapReader() {
    }

    public static Map<DeploymentProfile, HardwareSelection> read(String file, byte[] yaml, Predicate<String> exists) {
        List<Problem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw fail(file, new Problem(null, "invalid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")")));
        } catch (IOException e) {
            throw fail(file, new Problem(null, "cannot read: " + e.getMessage()));
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw fail(file, new Problem(null, "must be a mapping of deployment profile -> assemblies (got "
                    + (root == null || root.isMissingNode() ? "an empty document" : root.getNodeType()) + ")"));
        }
        Map<DeploymentProfile, HardwareSelection> out = new EnumMap<>(DeploymentProfile.class);
        Map<String, List<String[]>> urls = new LinkedHashMap<>(); // key -> every {profile, field} using it
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            DeploymentProfile profile = profileOf(e.getKey());
            if (profile == null) {
                problems.add(new Problem(e.getKey(), "unknown profile; the 11 profiles are " + profileNames()));
                continue;
            }
            Entry entry = new Entry(e.getKey(), problems, urls);
            HardwareSelection s = entry.selection(profile, e.getValue());
            if (s != null) {
                out.put(profile, s);
            }
        }
        for (DeploymentProfile p : DeploymentProfile.values()) {
            if (!root.has(p.json())) {
                problems.add(new Problem(p.json(), "profile missing from the map"));
            }
        }
        if (problems.isEmpty()) {
            for (Map.Entry<String, List<String[]>> u : urls.entrySet()) {
                if (!exists.test(u.getKey())) {
                    String[] first = u.getValue().get(0);
                    Set<String> others = new LinkedHashSet<>();
                    for (String[] use : u.getValue()) {
                        if (!use[0].equals(first[0])) {
                            others.add(use[0]);
                        }
                    }
                    problems.add(new Problem(first[0], first[1] + " '" + HardwareSelector.URL_PREFIX + u.getKey()
                            + "' not found in the artifact store"
                            + (others.isEmpty() ? "" : " (also used by " + String.join(", ", others) + ")")));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new HardwareMapException(file, problems);
        }
        return out;
    }

    private static HardwareMapException fail(String file, Problem p) {
        return new HardwareMapException(file, List.of(p));
    }

    private static DeploymentProfile profileOf(String name) {
        for (DeploymentProfile p : DeploymentProfile.values()) {
            if (p.json().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private static List<String> profileNames() {
        List<String> names = new ArrayList<>();
        for (DeploymentProfile p : DeploymentProfile.values()) {
            names.add(p.json());
        }
        return names;
    }

    /** Reads one profile entry; returns null (with problems recorded) when it is broken. */
    private static final class Entry {
        private final String profile;
        private final List<Problem> problems;
        private final Map<String, List<String[]>> urls;
        private final int before;

        Entry(String profile, List<Problem> problems, Map<String, List<String[]>> urls) {
            this.profile = profile;
            this.problems = problems;
            this.urls = urls;
            this.before = problems.size();
        }

        HardwareSelection selection(DeploymentProfile p, JsonNode node) {
            if (!object(node, "the entry", ENTRY_KEYS)) {
                return null;
            }
            Assembly compute = assembly(node.get("compute_container"), "compute_container");
            Assembly grid = assembly(node.get("grid_container"), "grid_container");
            List<Plate> plates = plates(p, node.get("interface_plates"));
            return problems.size() == before ? new HardwareSelection(p, compute, grid, plates) : null;
        }

        private Assembly assembly(JsonNode node, String field) {
            if (!object(node, field, List.of("step", "glb"))) {
                return null;
            }
            String step = url(node, field, "step");
            String glb = url(node, field, "glb");
            return step == null || glb == null ? null : new Assembly(step, glb);
        }

        private List<Plate> plates(DeploymentProfile p, JsonNode node) {
            List<Plate> plates = new ArrayList<>();
            if (node == null || node.isNull()) {
                problem("interface_plates is required");
                return plates;
            }
            if (!node.isArray()) {
                problem("interface_plates must be a list (got " + node.getNodeType() + ")");
                return plates;
            }
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < node.size(); i++) {
                String field = "interface_plates[" + i + "]";
                JsonNode n = node.get(i);
                if (!object(n, field, PLATE_KEYS)) {
                    continue;
                }
                JsonNode id = n.get("plate_id");
                if (!id.isTextual() || !KNOWN_PLATES.contains(id.textValue())) {
                    problem(field + ".plate_id must be one of CL, NW, CG, BT (got " + id + ")");
                    continue;
                }
                String plateId = id.textValue();
                if (!seen.add(plateId)) {
                    problem(field + ": plate " + plateId + " listed twice");
                    continue;
                }
                String f = "plate " + plateId;
                String step = url(n, f, "step");
                String dxf = url(n, f, "dxf");
                String pdf = url(n, f, "pdf");
                if (step != null && dxf != null && pdf != null) {
                    plates.add(new Plate(plateId, step, dxf, pdf));
                }
            }
            List<String> expected = HardwareSelector.plateIds(p);
            for (String want : expected) {
                if (!seen.contains(want)) {
                    problem("interface_plates lacks plate " + want + " (expected " + expected + ")");
                }
            }
            for (String got : seen) {
                if (!expected.contains(got)) {
                    problem("interface_plates lists plate " + got + ", which this profile cannot have (expected "
                            + expected + ")");
                }
            }
            return plates;
        }

        /** Checks that node is a mapping with exactly the given keys. */
        private boolean object(JsonNode node, String what, List<String> keys) {
            if (node == null || node.isNull()) {
                problem(what + " is required");
                return false;
            }
            if (!node.isObject()) {
                problem(what + " must be a mapping (got " + node.getNodeType() + ")");
                return false;
            }
            boolean ok = true;
            for (String k : keys) {
                if (!node.has(k) || node.get(k).isNull()) {
                    problem(what + "." + k + " is required");
                    ok = false;
                }
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String k = it.next();
                if (!keys.contains(k)) {
                    problem(what + " has unknown key '" + k + "' (allowed: " + keys + ")");
                    ok = false;
                }
            }
            return ok;
        }

        private String url(JsonNode parent, String owner, String format) {
            String field = owner + "." + format;
            JsonNode n = parent.get(format);
            if (!n.isTextual()) {
                problem(field + " must be a URL string (got " + n.getNodeType() + ")");
                return null;
            }
            String url = n.textValue();
            if (!url.startsWith(HardwareSelector.URL_PREFIX)) {
                problem(field + " '" + url + "' is not a URL under " + HardwareSelector.URL_PREFIX);
                return null;
            }
            String key = url.substring(HardwareSelector.URL_PREFIX.length());
            if (key.length() > 1024 || !KEY.matcher(key).matches()) {
                problem(field + " '" + url + "' has a malformed key (segments [A-Za-z0-9_-][A-Za-z0-9._-]*, "
                        + "separated by single '/')");
                return null;
            }
            if (!key.endsWith("." + format)) {
                problem(field + " '" + url + "' must end in ." + format);
                return null;
            }
            urls.computeIfAbsent(key, k -> new ArrayList<>()).add(new String[] {profile, field});
            return url;
        }

        private void problem(String message) {
            problems.add(new Problem(profile, message));
        }
    }
}
