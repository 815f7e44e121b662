package io.arcnode.edp.assemblies.internal.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes boxes as an ISO 10303-21 (STEP) file, application protocol AP214 (AUTOMOTIVE_DESIGN): one part whose shape
 * is an ADVANCED_BREP_SHAPE_REPRESENTATION holding one MANIFOLD_SOLID_BREP per box, in millimetres. Every face is a
 * PLANE bounded by one EDGE_LOOP of LINE edges. Output is deterministic: the timestamp in the header is an input.
 */
public final class StepWriter {

    private final StringBuilder data = new StringBuilder(16 * 1024);
    private int next = 1;

    private StepWriter() {
    }

    /**
     * @param partName  the product's name and id, e.g. {@code compute_container}
     * @param timestamp ISO 8601 text for FILE_NAME (taken from the caller, never the clock)
     */
    public static byte[] write(String partName, String timestamp, List<Box> boxes) {
        if (boxes.isEmpty()) {
            throw new IllegalArgumentException(partName + ": nothing to write");
        }
        return new StepWriter().document(partName, timestamp, boxes).getBytes(StandardCharsets.US_ASCII);
    }

    private String document(String partName, String timestamp, List<Box> boxes) {
        int appContext = add("APPLICATION_CONTEXT('core data for automotive mechanical design processes')");
        add("APPLICATION_PROTOCOL_DEFINITION('international standard','automotive_design',2000,#" + appContext + ")");
        int productContext = add("PRODUCT_CONTEXT('',#" + appContext + ",'mechanical')");
        String name = text(partName);
        int product = add("PRODUCT('" + name + "','" + name + "','ArcNode module assembly',(#" + productContext + "))");
        add("PRODUCT_RELATED_PRODUCT_CATEGORY('part',$,(#" + product + "))");
        int formation = add("PRODUCT_DEFINITION_FORMATION('1','',#" + product + ")");
        int defContext = add("PRODUCT_DEFINITION_CONTEXT('part definition',#" + appContext + ",'design')");
        int definition = add("PRODUCT_DEFINITION('design','',#" + formation + ",#" + defContext + ")");
        int defShape = add("PRODUCT_DEFINITION_SHAPE('','',#" + definition + ")");

        int lengthUnit = add("( LENGTH_UNIT() NAMED_UNIT(*) SI_UNIT(.MILLI.,.METRE.) )");
        int angleUnit = add("( NAMED_UNIT(*) PLANE_ANGLE_UNIT() SI_UNIT($,.RADIAN.) )");
        int solidAngleUnit = add("( NAMED_UNIT(*) SI_UNIT($,.STERADIAN.) SOLID_ANGLE_UNIT() )");
        int uncertainty = add("UNCERTAINTY_MEASURE_WITH_UNIT(LENGTH_MEASURE(1.E-03),#" + lengthUnit
                + ",'distance_accuracy_value','confusion accuracy')");
        int context = add("( GEOMETRIC_REPRESENTATION_CONTEXT(3) GLOBAL_UNCERTAINTY_ASSIGNED_CONTEXT((#" + uncertainty
                + ")) GLOBAL_UNIT_ASSIGNED_CONTEXT((#" + lengthUnit + ",#" + angleUnit + ",#" + solidAngleUnit
                + ")) REPRESENTATION_CONTEXT('" + name + "','3D') )");

        int origin = add("CARTESIAN_POINT('',(0.,0.,0.))");
        int zAxis = add("DIRECTION('',(0.,0.,1.))");
        int xAxis = add("DIRECTION('',(1.,0.,0.))");
        int placement = add("AXIS2_PLACEMENT_3D('',#" + origin + ",#" + zAxis + ",#" + xAxis + ")");

        List<Integer> items = new ArrayList<>();
        items.add(placement);
        for (Box box : boxes) {
            items.add(solid(box));
        }
        int representation = add("ADVANCED_BREP_SHAPE_REPRESENTATION('" + name + "'," + refs(items) + ",#" + context + ")");
        add("SHAPE_DEFINITION_REPRESENTATION(#" + defShape + ",#" + representation + ")");

        return "ISO-10303-21;\nHEADER;\n"
                + "FILE_DESCRIPTION(('ArcNode EDP module assembly " + name + "'),'2;1');\n"
                + "FILE_NAME('" + name + ".step','" + text(timestamp) + "',('ArcNode'),('ArcNode'),"
                + "'ArcNode EDP','ArcNode EDP','');\n"
                + "FILE_SCHEMA(('AUTOMOTIVE_DESIGN { 1 0 10303 214 1 1 1 1 }'));\n"
                + "ENDSEC;\nDATA;\n" + data + "ENDSEC;\nEND-ISO-10303-21;\n";
    }

    /** One closed shell of six planar faces; edges run from the lower to the higher corner index. */
    private int solid(Box box) {
        int[] vertex = new int[8];
        for (int i = 0; i < 8; i++) {
            vertex[i] = add("VERTEX_POINT('',#" + point(box.corner(i)) + ")");
        }
        Map<String, Integer> edges = new TreeMap<>();
        List<Integer> faces = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            int[] loop = Faces.LOOPS[f];
            List<Integer> oriented = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                int p = loop[k];
                int q = loop[(k + 1) % 4];
                int a = Math.min(p, q);
                int b = Math.max(p, q);
                Integer edge = edges.get(a + "-" + b);
                if (edge == null) {
                    edge = edge(box, vertex, a, b);
                    edges.put(a + "-" + b, edge);
                }
                oriented.add(add("ORIENTED_EDGE('',*,*,#" + edge + "," + (p == a ? ".T." : ".F.") + ")"));
            }
            int edgeLoop = add("EDGE_LOOP(''," + refs(oriented) + ")");
            int bound = add("FACE_OUTER_BOUND('',#" + edgeLoop + ",.T.)");
            double[] first = box.corner(loop[0]);
            double[] second = box.corner(loop[1]);
            int axis = add("DIRECTION('',(" + num(Faces.NORMALS[f][0]) + "," + num(Faces.NORMALS[f][1]) + ","
                    + num(Faces.NORMALS[f][2]) + "))");
            int ref = direction(first, second);
            int place = add("AXIS2_PLACEMENT_3D('',#" + point(first) + ",#" + axis + ",#" + ref + ")");
            int plane = add("PLANE('',#" + place + ")");
            faces.add(add("ADVANCED_FACE('',(#" + bound + "),#" + plane + ",.T.)"));
        }
        int shell = add("CLOSED_SHELL(''," + refs(faces) + ")");
        return add("MANIFOLD_SOLID_BREP('" + text(box.name()) + "',#" + shell + ")");
    }

    private int edge(Box box, int[] vertex, int a, int b) {
        double[] pa = box.corner(a);
        double[] pb = box.corner(b);
        double length = Math.sqrt(sq(pb[0] - pa[0]) + sq(pb[1] - pa[1]) + sq(pb[2] - pa[2]));
        int vector = add("VECTOR('',#" + direction(pa, pb) + "," + num(length) + ")");
        int line = add("LINE('',#" + point(pa) + ",#" + vector + ")");
        return add("EDGE_CURVE('',#" + vertex[a] + ",#" + vertex[b] + ",#" + line + ",.T.)");
    }

    private int direction(double[] from, double[] to) {
        double dx = to[0] - from[0];
        double dy = to[1] - from[1];
        double dz = to[2] - from[2];
        double n = Math.sqrt(dx * dx + dy * dy + dz * dz);
        return add("DIRECTION('',(" + num(dx / n) + "," + num(dy / n) + "," + num(dz / n) + "))");
    }

    private int point(double[] p) {
        return add("CARTESIAN_POINT('',(" + num(p[0]) + "," + num(p[1]) + "," + num(p[2]) + "))");
    }

    private int add(String entity) {
        int id = next++;
        data.append('#').append(id).append('=').append(entity).append(";\n");
        return id;
    }

    private static String refs(List<Integer> ids) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < ids.size(); i++) {
            sb.append(i == 0 ? "#" : ",#").append(ids.get(i));
        }
        return sb.append(')').toString();
    }

    private static double sq(double v) {
        return v * v;
    }

    /** A STEP REAL: always with a decimal point ("12192.", "-0.5"), never "-0.", at most 6 decimals. */
    static String num(double v) {
        if (v == 0 || Math.abs(v) < 5e-7) {
            return "0.";
        }
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s;
    }

    /** STEP strings: apostrophes doubled, only printable ASCII kept. */
    static String text(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\'') {
                sb.append("''");
            } else if (c >= 0x20 && c < 0x7f && c != '\\') {
                sb.append(c);
            } else {
                sb.append('_');
            }
        }
        return sb.toString();
    }
}
