package io.arcnode.edp.installationgraph.internal;

import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.assemblies.api.AssemblyCatalogue;
import io.arcnode.edp.drawing.api.Dxf.HAlign;
import io.arcnode.edp.drawing.api.Dxf.VAlign;
import io.arcnode.edp.drawing.api.PidCooling;
import io.arcnode.edp.drawing.api.Quantities;
import io.arcnode.edp.drawing.api.Sheet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws {@link InstallationSteps} left to right on an A3 sheet (paper mm). Rules (also in the README):
 * <ul>
 * <li>columns = longest-path ranks ({@link InstallationSteps#ranks()}); in a column the nodes keep their
 * insertion order, stacked and centred vertically;</li>
 * <li>node = box with title lines and detail lines;</li>
 * <li>edge = orthogonal polyline from the right side of the source to the left side of the target, ending in
 * a closed triangular arrowhead. An edge to the next rank turns in the gap between the ranks; a longer edge
 * leaves through the gap after its source, runs along a lane above every box of the ranks it skips and
 * enters through the gap before its target. In a gap, edges from a node with several successors share one
 * vertical (fan-out), other edges share one vertical per target (fan-in);</li>
 * <li>notes bottom left (below the content area, left of the title block).</li>
 * </ul>
 */
public final class IgLayout {

    public static final String L_NODES = "NODES";
    public static final String L_ARROWS = "ARROWS";
    public static final String L_TEXT = "TEXT";

    static final double TITLE_H = 1.5;
    static final double DETAIL_H = 1.3;
    static final double LINE_PITCH = 2.6;
    static final double NODE_GAP = 2.5;
    static final double ARROW_LEN = 2.2;
    static final double ARROW_HALF = 0.9;

    private IgLayout() {
    }

    record Box(double x, double y, double w, double h) {
        double right() {
            return x + w;
        }

        double midY() {
            return y + h / 2;
        }

        double top() {
            return y + h;
        }
    }

    public static Sheet layout(InstallationSteps g, ModuleResolution r, Sheet.TitleBlock tb) {
        Map<String, Integer> rank = g.ranks();
        int ranks = 1 + rank.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Sheet.Rect area = Sheet.CONTENT_AREA;
        double pitch = area.w() / ranks;
        double boxW = Math.min(36, pitch - 12);
        double gapW = pitch - boxW;
        // column contents in insertion order
        List<List<InstallationSteps.Node>> columns = new ArrayList<>();
        for (int i = 0; i < ranks; i++) {
            columns.add(new ArrayList<>());
        }
        for (InstallationSteps.Node n : g.nodes()) {
            columns.get(rank.get(n.id())).add(n);
        }
        Map<String, Box> boxes = new LinkedHashMap<>();
        double centreY = area.y() + area.h() / 2;
        for (int c = 0; c < ranks; c++) {
            List<InstallationSteps.Node> col = columns.get(c);
            double total = -NODE_GAP;
            for (InstallationSteps.Node n : col) {
                total += height(n) + NODE_GAP;
            }
            if (total > area.h()) {
                throw new IllegalStateException("rank " + c + " does not fit on the sheet: " + col.size() + " steps");
            }
            double top = centreY + total / 2;
            double x = area.x() + c * pitch + gapW / 2;
            for (InstallationSteps.Node n : col) {
                double h = height(n);
                boxes.put(n.id(), new Box(x, top - h, boxW, h));
                top -= h + NODE_GAP;
            }
        }
        Sheet.Builder b = Sheet.builder(tb).scale(100, false)
                .layer(L_NODES, 5, 0.35)
                .layer(L_ARROWS, 7, 0.25)
                .layer(L_TEXT, 7, 0.18);
        for (InstallationSteps.Node n : g.nodes()) {
            node(b, n, boxes.get(n.id()));
        }
        edges(b, g, rank, boxes, columns, pitch, gapW);
        notes(b, r, g);
        return b.build();
    }

    static double height(InstallationSteps.Node n) {
        return 3 + (n.title().size() + n.detail().size()) * LINE_PITCH;
    }

    private static void node(Sheet.Builder b, InstallationSteps.Node n, Box box) {
        b.rect(L_NODES, box.x(), box.y(), box.w(), box.h());
        double cx = box.x() + box.w() / 2;
        double y = box.top() - 1.5 - LINE_PITCH / 2;
        for (String t : n.title()) {
            b.text(L_TEXT, cx, y, TITLE_H, HAlign.CENTER, VAlign.MIDDLE, t);
            y -= LINE_PITCH;
        }
        for (String t : n.detail()) {
            b.text(L_TEXT, cx, y, DETAIL_H, HAlign.CENTER, VAlign.MIDDLE, t);
            y -= LINE_PITCH;
        }
    }

    private static void edges(Sheet.Builder b, InstallationSteps g, Map<String, Integer> rank, Map<String, Box> boxes,
            List<List<InstallationSteps.Node>> columns, double pitch, double gapW) {
        Map<String, Integer> outDegree = new LinkedHashMap<>();
        for (InstallationSteps.Edge e : g.edges()) {
            outDegree.merge(e.from(), 1, Integer::sum);
        }
        // vertical slots per gap: gap k lies between rank k and k+1
        List<Set<String>> slots = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            slots.add(new LinkedHashSet<>());
        }
        Map<String, Double> laneY = new LinkedHashMap<>();
        for (InstallationSteps.Edge e : g.edges()) {
            int a = rank.get(e.from());
            int z = rank.get(e.to());
            slots.get(a).add(exitKey(e, outDegree));
            if (z > a + 1) {
                slots.get(z - 1).add("in:" + e.to());
                double top = 0;
                for (int k = a + 1; k < z; k++) {
                    for (InstallationSteps.Node n : columns.get(k)) {
                        top = Math.max(top, boxes.get(n.id()).top());
                    }
                }
                laneY.merge(e.to(), top, Math::max);
            }
        }
        // lanes stacked in order of first use, 3 mm apart, 4 mm above the highest skipped box
        Map<String, Double> lanes = new LinkedHashMap<>();
        int li = 0;
        for (Map.Entry<String, Double> l : laneY.entrySet()) {
            lanes.put(l.getKey(), l.getValue() + 4 + 3 * li++);
        }
        Set<String> arrowDrawn = new LinkedHashSet<>();
        for (InstallationSteps.Edge e : g.edges()) {
            Box s = boxes.get(e.from());
            Box t = boxes.get(e.to());
            int a = rank.get(e.from());
            int z = rank.get(e.to());
            double xOut = slotX(slots.get(a), exitKey(e, outDegree), s.right(), gapW);
            double tipX = t.x();
            if (z == a + 1) {
                path(b, s.right(), s.midY(), xOut, s.midY(), xOut, t.midY(), tipX - ARROW_LEN, t.midY());
            } else {
                double xIn = slotX(slots.get(z - 1), "in:" + e.to(), t.x() - gapW, gapW);
                double y = lanes.get(e.to());
                path(b, s.right(), s.midY(), xOut, s.midY(), xOut, y, xIn, y, xIn, t.midY(), tipX - ARROW_LEN,
                        t.midY());
            }
            if (arrowDrawn.add(e.to())) {
                b.polyline(L_ARROWS, true, tipX, t.midY(), tipX - ARROW_LEN, t.midY() + ARROW_HALF, tipX - ARROW_LEN,
                        t.midY() - ARROW_HALF);
            }
        }
    }

    /** An open polyline without repeated consecutive points (a straight edge has no zero-length bend). */
    private static void path(Sheet.Builder b, double... xy) {
        List<Double> pts = new ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            int m = pts.size();
            if (m == 0 || Math.abs(pts.get(m - 2) - xy[i]) > 1e-9 || Math.abs(pts.get(m - 1) - xy[i + 1]) > 1e-9) {
                pts.add(xy[i]);
                pts.add(xy[i + 1]);
            }
        }
        double[] out = new double[pts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = pts.get(i);
        }
        b.polyline(L_ARROWS, false, out);
    }

    /** Fan-out: one vertical per source with several successors; otherwise one per target. */
    private static String exitKey(InstallationSteps.Edge e, Map<String, Integer> outDegree) {
        return outDegree.get(e.from()) > 1 ? "out:" + e.from() : "in:" + e.to();
    }

    private static double slotX(Set<String> slots, String key, double gapStart, double gapW) {
        int i = 0;
        for (String k : slots) {
            if (k.equals(key)) {
                break;
            }
            i++;
        }
        // keep clear of the arrowhead on the right of the gap
        double usable = gapW - ARROW_LEN - 1;
        return gapStart + usable * (i + 1) / (slots.size() + 1);
    }

    private static void notes(Sheet.Builder b, ModuleResolution r, InstallationSteps g) {
        int n = r.computeContainerCount();
        long computeNodes = g.nodes().stream().filter(x -> x.id().startsWith("compute-")).count();
        PidCooling.HeatRejection hr = PidCooling.heatRejection(r.climateZone());
        List<String> lines = new ArrayList<>();
        lines.add("NOTES");
        lines.add("STEPS RANKED LEFT TO RIGHT BY LONGEST PATH; AN ARROW MEANS \"COMPLETE BEFORE\"");
        lines.add("COMPUTE CONTAINERS: " + n + (computeNodes == n ? " (ONE PLACEMENT STEP EACH)"
                : " (GROUPED INTO " + computeNodes + " PLACEMENT STEPS)"));
        lines.add("GRID CONTAINER: " + (r.gridContainerPresent()
                ? InstallationSteps.gridContainer() + " "
                        + AssemblyCatalogue.gridContainerAssembly(r.deploymentProfile())
                : "not present"));
        lines.add("BESS COUPLING: " + r.bessCoupling().json() + (r.bessCoupling() == BessCoupling.NONE ? ""
                : ", " + Quantities.plain(r.bessCapacityMwh()) + " MWh")
                + (g.node("dc_bus") != null ? " (DC BUS VIA BT PLATES)" : ""));
        lines.add("HEAT REJECTION: " + hr.unitsPerContainer() * n + " x " + hr.type() + " (" + r.climateZone().json()
                + ", SEE P&ID)");
        lines.add("SCHEMATIC - NOT TO SCALE");
        double y = 49;
        for (String l : lines) {
            b.text(L_TEXT, 18, y, 1.8, HAlign.LEFT, VAlign.BASELINE, l);
            y -= 4.9;
        }
    }
}
