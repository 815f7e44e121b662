package io.arcnode.workbench.edp.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcnode.api.ArcnodeJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts of a 3D model of the package, read from the file itself: for glTF binary ({@code .glb}) the meshes,
 * triangles and vertices and the bounding box of the scene's positions (node transforms applied, metres); for STEP
 * ({@code .step}, AP214/AP242 B-rep) the solids ({@code MANIFOLD_SOLID_BREP}), faces ({@code ADVANCED_FACE}), the
 * bounding box of the solids' vertices in the file's length unit.
 *
 * @param format    {@code glb} or {@code step}
 * @param parts     meshes (glb) or solids (step)
 * @param faces     triangles (glb) or B-rep faces (step)
 * @param vertices  vertices (glb) or B-rep vertices (step)
 * @param names     the mesh or solid names, in file order
 * @param min       bounding box corner (x, y, z)
 * @param max       bounding box corner (x, y, z)
 * @param unit      {@code m}, {@code mm}, ...
 */
public record ModelFacts(String format, int parts, int faces, int vertices, List<String> names, double[] min,
                         double[] max, String unit) {

    private static final int GLB_MAGIC = 0x46546C67;
    private static final int CHUNK_JSON = 0x4E4F534A;
    private static final int CHUNK_BIN = 0x004E4942;
    private static final Pattern ENTITY = Pattern.compile("#(\\d+)\\s*=\\s*([A-Z0-9_]+)\\s*\\((.*)\\);");
    private static final Pattern POINT = Pattern.compile("'[^']*'\\s*,\\s*\\(([^)]*)\\)");
    private static final Pattern REF = Pattern.compile("#(\\d+)");
    private static final Pattern NAME = Pattern.compile("^'([^']*)'");

    /** Copies the list. */
    public ModelFacts {
        names = List.copyOf(names);
    }

    /** @return the size along x, y, z */
    public double[] dimensions() {
        return new double[] {max[0] - min[0], max[1] - min[1], max[2] - min[2]};
    }

    /** @return the facts as lines for people: what, how many, how big */
    public List<String> describe() {
        double[] d = dimensions();
        String kind = "glb".equals(format) ? "meshes" : "solids";
        return List.of(
                "Format: " + ("glb".equals(format) ? "glTF 2.0 binary" : "STEP (ISO 10303-21)"),
                kind + ": " + parts + " (" + String.join(", ", names) + ")",
                ("glb".equals(format) ? "Triangles: " : "Faces: ") + faces,
                "Vertices: " + vertices,
                String.format(Locale.ROOT, "Dimensions (x × y × z): %.3f × %.3f × %.3f %s", d[0], d[1], d[2], unit),
                String.format(Locale.ROOT, "Bounding box: (%.3f, %.3f, %.3f) .. (%.3f, %.3f, %.3f) %s", min[0], min[1],
                        min[2], max[0], max[1], max[2], unit));
    }

    /**
     * Reads the facts of {@code file} by its extension.
     *
     * @throws IOException for an unreadable file, or one that is not a model of its extension (the reason named)
     */
    public static ModelFacts read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".glb")) {
            Mesh m = GlbMesh.read(file);
            if (m.names().isEmpty()) {
                throw new IOException(file + ": no mesh in the glTF scene");
            }
            return new ModelFacts("glb", m.names().size(), m.triangles().length / 9, m.vertexCount(), m.names(),
                    m.min(), m.max(), "m");
        }
        if (name.endsWith(".step") || name.endsWith(".stp")) {
            try {
                return step(file);
            } catch (RuntimeException e) { // a coordinate that is no number
                throw new IOException(file + ": not a readable STEP file (" + e + ")", e);
            }
        }
        throw new IOException(file + ": not a 3D model of the package (.glb or .step)");
    }

    private static ModelFacts step(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("ISO-10303-21;")) {
            throw new IOException(file + ": not a STEP file (no ISO-10303-21 header)");
        }
        Map<Integer, double[]> points = new HashMap<>();
        List<Integer> vertexPoints = new ArrayList<>();
        List<String> solids = new ArrayList<>();
        int faces = 0;
        String unit = "mm";
        // one entity per statement; statements may span lines
        for (String statement : text.replace("\r", "").replace("\n", "").split(";")) {
            Matcher m = ENTITY.matcher(statement.strip() + ";");
            if (!m.matches()) {
                if (statement.contains("SI_UNIT(") && statement.contains("LENGTH_UNIT")) {
                    unit = statement.contains(".MILLI.") ? "mm" : statement.contains(".CENTI.") ? "cm" : "m";
                }
                continue;
            }
            int id = Integer.parseInt(m.group(1));
            String type = m.group(2);
            String args = m.group(3);
            switch (type) {
                case "CARTESIAN_POINT" -> {
                    Matcher p = POINT.matcher(args);
                    if (p.find()) {
                        String[] c = p.group(1).split(",");
                        double[] xyz = new double[3];
                        for (int i = 0; i < Math.min(3, c.length); i++) {
                            xyz[i] = Double.parseDouble(c[i].strip());
                        }
                        points.put(id, xyz);
                    }
                }
                case "VERTEX_POINT" -> {
                    Matcher r = REF.matcher(args);
                    if (r.find()) {
                        vertexPoints.add(Integer.parseInt(r.group(1)));
                    }
                }
                case "MANIFOLD_SOLID_BREP" -> {
                    Matcher n = NAME.matcher(args.strip());
                    solids.add(n.find() ? n.group(1) : "#" + id);
                }
                case "ADVANCED_FACE" -> faces++;
                default -> {
                    // other entities carry no fact shown
                }
            }
        }
        if (solids.isEmpty()) {
            throw new IOException(file + ": no solid (MANIFOLD_SOLID_BREP) in the STEP file");
        }
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Integer ref : vertexPoints.isEmpty() ? new ArrayList<>(points.keySet()) : vertexPoints) {
            double[] p = points.get(ref);
            if (p != null) {
                for (int i = 0; i < 3; i++) {
                    min[i] = Math.min(min[i], p[i]);
                    max[i] = Math.max(max[i], p[i]);
                }
            }
        }
        return new ModelFacts("step", solids.size(), faces, vertexPoints.size(), solids, min, max, unit);
    }

    /** The triangles of a glb scene, transformed: 9 floats per triangle. */
    record Mesh(List<String> names, float[] triangles, int vertexCount, double[] min, double[] max) {
    }

    /** Reading glTF 2.0 binary containers. */
    static final class GlbMesh {

        private GlbMesh() {
        }

        static Mesh read(Path file) throws IOException {
            try {
                return parse(file);
            } catch (RuntimeException e) { // a truncated buffer, an accessor out of range, a broken JSON chunk
                throw new IOException(file + ": not a readable glTF binary (" + e + ")", e);
            }
        }

        private static Mesh parse(Path file) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (bytes.length < 20 || b.getInt(0) != GLB_MAGIC || b.getInt(4) != 2) {
                throw new IOException(file + ": not a glTF 2.0 binary (bad magic or version)");
            }
            int jsonLength = b.getInt(12);
            if (b.getInt(16) != CHUNK_JSON || 20 + jsonLength > bytes.length) {
                throw new IOException(file + ": the first chunk is not the JSON chunk");
            }
            JsonNode gltf = ArcnodeJson.readTree(new String(bytes, 20, jsonLength, StandardCharsets.UTF_8));
            int binStart = 20 + jsonLength;
            ByteBuffer bin = null;
            if (binStart + 8 <= bytes.length && b.getInt(binStart + 4) == CHUNK_BIN) {
                bin = ByteBuffer.wrap(bytes, binStart + 8, b.getInt(binStart)).slice().order(ByteOrder.LITTLE_ENDIAN);
            }
            if (bin == null) {
                throw new IOException(file + ": no binary chunk");
            }
            List<String> names = new ArrayList<>();
            List<float[]> tris = new ArrayList<>();
            int[] vertices = {0};
            double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            JsonNode scene = gltf.path("scenes").path(gltf.path("scene").asInt(0));
            for (JsonNode root : scene.path("nodes")) {
                visit(gltf, bin, root.asInt(), identity(), names, tris, vertices, min, max);
            }
            int n = 0;
            for (float[] t : tris) {
                n += t.length;
            }
            float[] all = new float[n];
            int at = 0;
            for (float[] t : tris) {
                System.arraycopy(t, 0, all, at, t.length);
                at += t.length;
            }
            return new Mesh(names, all, vertices[0], min, max);
        }

        private static void visit(JsonNode gltf, ByteBuffer bin, int index, double[] parent, List<String> names,
                                  List<float[]> tris, int[] vertices, double[] min, double[] max) {
            JsonNode node = gltf.path("nodes").path(index);
            double[] m = multiply(parent, local(node));
            if (node.has("mesh")) {
                JsonNode mesh = gltf.path("meshes").path(node.get("mesh").asInt());
                names.add(mesh.path("name").asText(node.path("name").asText("mesh " + node.get("mesh").asInt())));
                for (JsonNode prim : mesh.path("primitives")) {
                    if (prim.path("mode").asInt(4) != 4) {
                        continue; // only triangle lists are drawn
                    }
                    float[] pos = floats(gltf, bin, prim.path("attributes").path("POSITION").asInt());
                    int count = pos.length / 3;
                    vertices[0] += count;
                    int[] idx = prim.has("indices") ? indices(gltf, bin, prim.get("indices").asInt())
                            : java.util.stream.IntStream.range(0, count).toArray();
                    float[] out = new float[idx.length * 3];
                    for (int i = 0; i < idx.length; i++) {
                        int v = idx[i] * 3;
                        double x = pos[v];
                        double y = pos[v + 1];
                        double z = pos[v + 2];
                        double[] p = {m[0] * x + m[4] * y + m[8] * z + m[12], m[1] * x + m[5] * y + m[9] * z + m[13],
                            m[2] * x + m[6] * y + m[10] * z + m[14]};
                        for (int k = 0; k < 3; k++) {
                            out[i * 3 + k] = (float) p[k];
                            min[k] = Math.min(min[k], p[k]);
                            max[k] = Math.max(max[k], p[k]);
                        }
                    }
                    tris.add(out);
                }
            }
            for (JsonNode child : node.path("children")) {
                visit(gltf, bin, child.asInt(), m, names, tris, vertices, min, max);
            }
        }

        private static float[] floats(JsonNode gltf, ByteBuffer bin, int accessor) {
            JsonNode a = gltf.path("accessors").path(accessor);
            JsonNode view = gltf.path("bufferViews").path(a.path("bufferView").asInt());
            int offset = view.path("byteOffset").asInt(0) + a.path("byteOffset").asInt(0);
            int stride = view.path("byteStride").asInt(12);
            int count = a.path("count").asInt();
            float[] out = new float[count * 3];
            for (int i = 0; i < count; i++) {
                for (int k = 0; k < 3; k++) {
                    out[i * 3 + k] = bin.getFloat(offset + i * stride + k * 4);
                }
            }
            return out;
        }

        private static int[] indices(JsonNode gltf, ByteBuffer bin, int accessor) {
            JsonNode a = gltf.path("accessors").path(accessor);
            JsonNode view = gltf.path("bufferViews").path(a.path("bufferView").asInt());
            int offset = view.path("byteOffset").asInt(0) + a.path("byteOffset").asInt(0);
            int count = a.path("count").asInt();
            int type = a.path("componentType").asInt();
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                out[i] = switch (type) {
                    case 5121 -> bin.get(offset + i) & 0xFF;
                    case 5123 -> bin.getShort(offset + i * 2) & 0xFFFF;
                    default -> bin.getInt(offset + i * 4);
                };
            }
            return out;
        }

        private static double[] local(JsonNode node) {
            if (node.has("matrix")) {
                double[] m = new double[16];
                for (int i = 0; i < 16; i++) {
                    m[i] = node.get("matrix").get(i).asDouble();
                }
                return m;
            }
            double[] t = vector(node.get("translation"), 3, 0);
            double[] s = vector(node.get("scale"), 3, 1);
            double[] q = node.has("rotation") ? vector(node.get("rotation"), 4, 0) : new double[] {0, 0, 0, 1};
            double x = q[0];
            double y = q[1];
            double z = q[2];
            double w = q[3];
            // column-major T * R * S
            return new double[] {
                (1 - 2 * (y * y + z * z)) * s[0], (2 * (x * y + z * w)) * s[0], (2 * (x * z - y * w)) * s[0], 0,
                (2 * (x * y - z * w)) * s[1], (1 - 2 * (x * x + z * z)) * s[1], (2 * (y * z + x * w)) * s[1], 0,
                (2 * (x * z + y * w)) * s[2], (2 * (y * z - x * w)) * s[2], (1 - 2 * (x * x + y * y)) * s[2], 0,
                t[0], t[1], t[2], 1};
        }

        private static double[] vector(JsonNode n, int size, double fill) {
            double[] v = new double[size];
            java.util.Arrays.fill(v, fill);
            if (n != null) {
                for (int i = 0; i < size && i < n.size(); i++) {
                    v[i] = n.get(i).asDouble();
                }
            }
            return v;
        }

        private static double[] identity() {
            return new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
        }

        private static double[] multiply(double[] a, double[] b) {
            double[] r = new double[16];
            for (int col = 0; col < 4; col++) {
                for (int row = 0; row < 4; row++) {
                    double sum = 0;
                    for (int k = 0; k < 4; k++) {
                        sum += a[k * 4 + row] * b[col * 4 + k];
                    }
                    r[col * 4 + row] = sum;
                }
            }
            return r;
        }
    }
}
