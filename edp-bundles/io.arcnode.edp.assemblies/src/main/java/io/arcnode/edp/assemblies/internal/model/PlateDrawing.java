package io.arcnode.edp.assemblies.internal.model;

import java.util.List;
import java.util.Locale;

import io.arcnode.edp.drawing.api.Drawing;
import io.arcnode.edp.drawing.api.Dxf.HAlign;
import io.arcnode.edp.drawing.api.Dxf.VAlign;
import io.arcnode.edp.drawing.api.Sheet;

/**
 * The manufacturing drawing of an interface plate, to scale 1:5: front view with the connector bosses, side view
 * showing the thickness, and the overall dimensions. Catalogue drawings are not tied to a deployment.
 */
public final class PlateDrawing {

    /** Scale of the plate drawings: a 1 000 mm plate is 200 mm on an A3 sheet. */
    static final int SCALE = 5;

    private PlateDrawing() {
    }

    public static Drawing generate(String plateId, String catalogueRevision, String catalogueDate) {
        double[] d = AssemblyModels.PLATES.get(plateId);
        if (d == null) {
            throw new IllegalArgumentException("unknown interface plate " + plateId);
        }
        List<Box> boxes = AssemblyModels.plate(plateId);
        String name = "plate_" + plateId.toLowerCase(Locale.ROOT);
        Sheet.Builder b = Sheet.builder(new Sheet.TitleBlock("ArcNode module assemblies catalogue", "-", "ArcNode",
                "Interface plate " + plateId + " (" + purpose(plateId) + ")", "AN-" + name.toUpperCase(Locale.ROOT),
                catalogueRevision, "1 of 1", catalogueDate)).scale(SCALE, true);
        b.layer("OUTLINE", 7, 0.5).layer("CONNECTOR", 1, 0.35).layer("DIMENSION", 3, 0.18).layer("NOTE", 7, 0.18);

        double x0 = Sheet.CONTENT_AREA.x() + 20;
        double y0 = Sheet.CONTENT_AREA.y() + 40;
        double w = d[0] / SCALE;
        double h = d[1] / SCALE;
        b.rect("OUTLINE", x0, y0, w, h);
        for (Box boss : boxes.subList(1, boxes.size())) {
            b.rect("CONNECTOR", x0 + boss.x0() / SCALE, y0 + boss.z0() / SCALE, (boss.x1() - boss.x0()) / SCALE,
                    (boss.z1() - boss.z0()) / SCALE);
        }
        // overall width below, overall height to the left
        b.line("DIMENSION", x0, y0 - 12, x0 + w, y0 - 12);
        b.text("DIMENSION", x0 + w / 2, y0 - 15, 3, HAlign.CENTER, VAlign.TOP, mm(d[0]));
        b.line("DIMENSION", x0 - 12, y0, x0 - 12, y0 + h);
        b.text("DIMENSION", x0 - 15, y0 + h / 2, 3, 90, HAlign.CENTER, VAlign.BOTTOM, mm(d[1]));
        // side view: the thickness, drawn beside the front view
        double sx = x0 + w + 40;
        b.rect("OUTLINE", sx, y0, Math.max(d[2] / SCALE, 0.5), h);
        b.text("DIMENSION", sx + 2, y0 + h + 4, 3, HAlign.LEFT, VAlign.BOTTOM, "t = " + mm(d[2]));
        b.text("NOTE", x0, y0 + h + 12, 3.5, HAlign.LEFT, VAlign.BOTTOM, "FRONT VIEW");
        b.text("NOTE", sx, y0 + h + 12, 3.5, HAlign.LEFT, VAlign.BOTTOM, "SIDE VIEW");
        b.text("NOTE", x0, y0 - 30, 3, HAlign.LEFT, VAlign.TOP,
                "Material: S355 steel, hot-dip galvanised. Dimensions in mm. Connector positions at 1/4 and 3/4 width.");
        return Drawing.of(b.build());
    }

    static String purpose(String plateId) {
        return switch (plateId) {
            case "CL" -> "coolant supply/return";
            case "NW" -> "network and comms";
            case "CG" -> "compute to grid power";
            case "BT" -> "battery DC bus";
            default -> plateId;
        };
    }

    private static String mm(double v) {
        return String.format(Locale.ROOT, "%.0f mm", v);
    }
}
