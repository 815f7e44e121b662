package io.arcnode.edp.assemblies.internal.model;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes boxes as a glTF 2.0 binary (GLB): one node and one mesh per box (24 vertices with flat normals, 36 uint16
 * indices), one material per distinct colour. glTF is metres and +Y up, so (x, y, z) in millimetres with z up becomes
 * (x, z, -y) / 1000. Deterministic: JSON is written by hand in a fixed order.
 */
public final class GlbWriter {

    private static final int GLB_MAGIC = 0x46546C67; // "glTF"
    private static final int CHUNK_JSON = 0x4E4F534A;
    private static final int CHUNK_BIN = 0x004E4942;

    private GlbWriter() {
    }

    public static byte[] write(String name, List<Box> boxes) {
        if (boxes.isEmpty()) {
            throw new IllegalArgumentException(name + ": nothing to write");
        }
        ByteArrayOutputStream bin = new ByteArrayOutputStream();
        List<double[]> materials = new ArrayList<>();
        StringBuilder nodes = new StringBuilder();
        StringBuilder meshes = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        List<String> views = new ArrayList<>();
        for (int b = 0; b < boxes.size(); b++) {
            Box box = boxes.get(b);
            int material = materialIndex(materials, box.rgb());
            float[] positions = new float[24 * 3];
            float[] normals = new float[24 * 3];
            short[] indices = new short[36];
            for (int f = 0; f < 6; f++) {
                for (int k = 0; k < 4; k++) {
                    double[] c = box.corner(Faces.LOOPS[f][k]);
                    double[] n = Faces.NORMALS[f];
                    int v = (f * 4 + k) * 3;
                    positions[v] = (float) (c[0] / 1000.0);
                    positions[v + 1] = (float) (c[2] / 1000.0);
                    positions[v + 2] = (float) (-c[1] / 1000.0);
                    normals[v] = (float) n[0];
                    normals[v + 1] = (float) n[2];
                    normals[v + 2] = (float) (n[1] == 0 ? 0 : -n[1]);
                }
                int[] tri = { 0, 1, 2, 0, 2, 3 };
                for (int t = 0; t < 6; t++) {
                    indices[f * 6 + t] = (short) (f * 4 + tri[t]);
                }
            }
            int posView = appendView(bin, views, floats(positions), 34962);
            int normView = appendView(bin, views, floats(normals), 34962);
            int idxView = appendView(bin, views, shorts(indices), 34963);
            int posAcc = 3 * b;
            comma(accessors).append("{\"bufferView\":").append(posView).append(",\"componentType\":5126,\"count\":24,")
                    .append("\"type\":\"VEC3\",\"min\":").append(bound(positions, true)).append(",\"max\":")
                    .append(bound(positions, false)).append('}');
            comma(accessors).append("{\"bufferView\":").append(normView)
                    .append(",\"componentType\":5126,\"count\":24,\"type\":\"VEC3\"}");
            comma(accessors).append("{\"bufferView\":").append(idxView)
                    .append(",\"componentType\":5123,\"count\":36,\"type\":\"SCALAR\"}");
            comma(meshes).append("{\"name\":").append(quote(box.name())).append(",\"primitives\":[{\"attributes\":")
                    .append("{\"POSITION\":").append(posAcc).append(",\"NORMAL\":").append(posAcc + 1)
                    .append("},\"indices\":").append(posAcc + 2).append(",\"material\":").append(material)
                    .append(",\"mode\":4}]}");
            comma(nodes).append("{\"name\":").append(quote(box.name())).append(",\"mesh\":").append(b).append('}');
        }
        StringBuilder mats = new StringBuilder();
        for (double[] rgb : materials) {
            comma(mats).append("{\"pbrMetallicRoughness\":{\"baseColorFactor\":[").append(rgb[0]).append(',')
                    .append(rgb[1]).append(',').append(rgb[2]).append(",1.0],\"metallicFactor\":0.2,")
                    .append("\"roughnessFactor\":0.7}}");
        }
        StringBuilder sceneNodes = new StringBuilder();
        for (int b = 0; b < boxes.size(); b++) {
            comma(sceneNodes).append(b);
        }
        String json = "{\"asset\":{\"version\":\"2.0\",\"generator\":\"ArcNode EDP\"},\"scene\":0,"
                + "\"scenes\":[{\"name\":" + quote(name) + ",\"nodes\":[" + sceneNodes + "]}],"
                + "\"nodes\":[" + nodes + "],\"meshes\":[" + meshes + "],\"materials\":[" + mats + "],"
                + "\"accessors\":[" + accessors + "],\"bufferViews\":[" + String.join(",", views) + "],"
                + "\"buffers\":[{\"byteLength\":" + bin.size() + "}]}";
        return glb(pad(json.getBytes(StandardCharsets.UTF_8), (byte) ' '), pad(bin.toByteArray(), (byte) 0));
    }

    private static int materialIndex(List<double[]> materials, double[] rgb) {
        for (int i = 0; i < materials.size(); i++) {
            if (Arrays.equals(materials.get(i), rgb)) {
                return i;
            }
        }
        materials.add(rgb);
        return materials.size() - 1;
    }

    /** Appends {@code bytes} to the binary chunk (4-byte aligned) and returns the new buffer view's index. */
    private static int appendView(ByteArrayOutputStream bin, List<String> views, byte[] bytes, int target) {
        int offset = bin.size();
        bin.writeBytes(bytes);
        while (bin.size() % 4 != 0) {
            bin.write(0);
        }
        views.add("{\"buffer\":0,\"byteOffset\":" + offset + ",\"byteLength\":" + bytes.length + ",\"target\":"
                + target + "}");
        return views.size() - 1;
    }

    private static String bound(float[] xyz, boolean min) {
        float[] r = { xyz[0], xyz[1], xyz[2] };
        for (int i = 3; i < xyz.length; i++) {
            r[i % 3] = min ? Math.min(r[i % 3], xyz[i]) : Math.max(r[i % 3], xyz[i]);
        }
        return "[" + r[0] + "," + r[1] + "," + r[2] + "]";
    }

    private static StringBuilder comma(StringBuilder sb) {
        return sb.length() == 0 ? sb : sb.append(',');
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static byte[] floats(float[] values) {
        ByteBuffer bb = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bb.putFloat(v == 0f ? 0f : v); // no negative zero
        }
        return bb.array();
    }

    private static byte[] shorts(short[] values) {
        ByteBuffer bb = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short v : values) {
            bb.putShort(v);
        }
        return bb.array();
    }

    private static byte[] pad(byte[] bytes, byte filler) {
        int padded = (bytes.length + 3) & ~3;
        byte[] out = Arrays.copyOf(bytes, padded);
        Arrays.fill(out, bytes.length, padded, filler);
        return out;
    }

    private static byte[] glb(byte[] json, byte[] bin) {
        int total = 12 + 8 + json.length + 8 + bin.length;
        ByteBuffer bb = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(GLB_MAGIC).putInt(2).putInt(total);
        bb.putInt(json.length).putInt(CHUNK_JSON).put(json);
        bb.putInt(bin.length).putInt(CHUNK_BIN).put(bin);
        return bb.array();
    }
}
