package io.arcnode.edp.drawing.internal;

import io.arcnode.api.edp.ClimateZone;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.drawing.api.DrawingInputs;
import io.arcnode.edp.drawing.api.Dxf.HAlign;
import io.arcnode.edp.drawing.api.Dxf.VAlign;
import io.arcnode.edp.drawing.api.PidCooling;
import io.arcnode.edp.drawing.api.PidCooling.HeatRejection;
import io.arcnode.edp.drawing.api.Quantities;
import io.arcnode.edp.drawing.api.Sheet;
import java.util.Locale;

/**
 * Lays out the P&amp;ID of the liquid cooling system of one deployment on an A3 sheet (paper mm). Rules
 * (also in the README):
 * <ul>
 * <li>top: the heat rejection bank (type and units per container by climate zone, {@link PidCooling#heatRejection}),
 * the facility water supply main with duty/standby pumps P-001A/B and their isolation valves, header
 * instruments TT-001 (supply temperature, held at {@link #coolantSetpointC}), PT-001, FT-001, the return
 * main with TT-002, and a bypass with temperature control valve TV-001 between the mains;</li>
 * <li>supply and return headers; one branch per compute container: isolation valves on supply and return,
 * the CDU, the CDU pump on the technology cooling (TCS) loop to the container's cold plates, TT/FT on the
 * TCS supply and TT/PT on the TCS return;</li>
 * <li>the same count rule as the single-line diagram ({@link SldLayout#MAX_INDIVIDUAL_FEEDERS} branches
 * drawn individually, {@link SldLayout#FEEDERS_PER_ROW} per row, the rest one summary branch in an 11th
 * position of row 2).</li>
 * </ul>
 */
public final class PidLayout {

    public static final String L_FW_SUPPLY = "FW_SUPPLY";
    public static final String L_FW_RETURN = "FW_RETURN";
    public static final String L_TCS_SUPPLY = "TCS_SUPPLY";
    public static final String L_TCS_RETURN = "TCS_RETURN";
    public static final String L_EQUIPMENT = "EQUIPMENT";
    public static final String L_VALVES = "VALVES";
    public static final String L_INSTRUMENTS = "INSTRUMENTS";
    public static final String L_ENCLOSURE = "ENCLOSURE";
    public static final String L_TEXT = "TEXT";

    public static final String S_DRY_COOLER = "DRY_COOLER";
    public static final String S_ADIABATIC_DRY_COOLER = "ADIABATIC_DRY_COOLER";
    public static final String S_CHILLER = "CHILLER";
    public static final String S_PUMP = "PUMP";
    public static final String S_VALVE = "VALVE";
    public static final String S_CONTROL_VALVE = "CONTROL_VALVE";
    public static final String S_INSTRUMENT = "INSTRUMENT";
    public static final String S_CDU = "CDU";
    public static final String S_CDU_GROUP = "CDU_GROUP";
    public static final String S_COLD_PLATES = "COLD_PLATES";
    public static final String S_COLD_PLATES_GROUP = "COLD_PLATES_GROUP";

    static final double ROW1_SUPPLY_Y = 232;
    static final double ROW2_SUPPLY_Y = 166;
    static final double HEADER_GAP = 6;
    static final double SUPPLY_MAIN_Y = 262;
    static final double RETURN_MAIN_Y = 279;
    static final double SUPPLY_DROP_X = 378;
    static final double RETURN_RISER_X = 390;
    static final double BANK_X = 62;
    static final double BUBBLE_R = 3;

    private PidLayout() {
    }

    /**
     * Coolant supply setpoint in degrees C by climate zone. The SAME constants as the DTM's
     * {@code T_coolant_setpoint_C} (io.arcnode.edp.dtm {@code DtmSizing.coolantSetpointC}): subarctic 35,
     * temperate 32, arid_hot 27, tropical 25.
     */
    public static double coolantSetpointC(ClimateZone zone) {
        return switch (zone) {
            case SUBARCTIC -> 35.0;
            case TEMPERATE -> 32.0;
            case ARID_HOT -> 27.0;
            case TROPICAL -> 25.0;
        };
    }

    /** Instrument tag of container {@code i} of {@code n}: {@code TT-011} = type, padded number, loop digit. */
    public static String tag(String type, int i, int n, int loop) {
        String id = SldLayout.position(i, n).substring(1);
        return type + "-" + id + loop;
    }

    public static Sheet layout(ConfiguratorPayload p, ModuleResolution r, Sheet.TitleBlock tb) {
        DrawingInputs.check(p, r);
        Sheet.Builder b = Sheet.builder(tb).scale(100, false)
                .layer(L_FW_SUPPLY, 5, 0.5)
                .layer(L_FW_RETURN, 1, 0.5)
                .layer(L_TCS_SUPPLY, 4, 0.35)
                .layer(L_TCS_RETURN, 6, 0.35)
                .layer(L_EQUIPMENT, 7, 0.3)
                .layer(L_VALVES, 2, 0.25)
                .layer(L_INSTRUMENTS, 3, 0.2)
                .layer(L_ENCLOSURE, 8, 0.25)
                .layer(L_TEXT, 7, 0.18);
        defineSymbols(b);
        plant(b, r);
        branches(b, r);
        notes(b, r);
        return b.build();
    }

    private static void defineSymbols(Sheet.Builder b) {
        // heat rejection bank 50 x 16 mm, base point at its centre
        b.symbol(S_DRY_COOLER).rect(-25, -8, 50, 16)
                .circle(-14, 0, 5).line(-17.5, -3.5, -10.5, 3.5).line(-17.5, 3.5, -10.5, -3.5)
                .circle(0, 0, 5).line(-3.5, -3.5, 3.5, 3.5).line(-3.5, 3.5, 3.5, -3.5)
                .circle(14, 0, 5).line(10.5, -3.5, 17.5, 3.5).line(10.5, 3.5, 17.5, -3.5).done();
        b.symbol(S_ADIABATIC_DRY_COOLER).insert(S_DRY_COOLER, 0, 0, 1, 0)
                // wetted pre-cooling pads along the air inlet, with spray nozzles
                .rect(-25, -11, 50, 3).line(-20, -11, -20, -12.5).line(-10, -11, -10, -12.5).line(0, -11, 0, -12.5)
                .line(10, -11, 10, -12.5).line(20, -11, 20, -12.5).done();
        b.symbol(S_CHILLER).rect(-25, -8, 50, 16)
                .circle(-12, 0, 5).polyline(true, -15, -3, -9, 0, -15, 3) // compressor
                .polyline(false, 2, -5, 5, 5, 8, -5, 11, 5, 14, -5, 17, 5, 20, -5) // condenser coil
                .done();
        // centrifugal pump pointing +x
        b.symbol(S_PUMP).circle(0, 0, 2.5).polyline(true, -1.4, -1.5, 1.9, 0, -1.4, 1.5).done();
        // gate (isolation) valve along x: two triangles tip to tip
        b.symbol(S_VALVE).polyline(true, -2, -1.2, 0, 0, -2, 1.2).polyline(true, 2, -1.2, 0, 0, 2, 1.2).done();
        b.symbol(S_CONTROL_VALVE).insert(S_VALVE, 0, 0, 1, 0).line(0, 0, 0, 2.5).arc(0, 2.5, 1.5, 0, 180)
                .line(-1.5, 2.5, 1.5, 2.5).done();
        b.symbol(S_INSTRUMENT).circle(0, 0, BUBBLE_R).done();
        // CDU: liquid-to-liquid plate heat exchanger, 20 x 10 mm
        b.symbol(S_CDU).rect(-10, -5, 20, 10).polyline(false, -8, -2, -6, 0, -4, -3.5, -2, 0, 0, -3.5, 2, 0, 4, -3.5,
                6, 0, 8, -2).done();
        b.symbol(S_CDU_GROUP).insert(S_CDU, 0, 0, 1, 0).rect(-11, -6, 22, 12).done();
        b.symbol(S_COLD_PLATES).rect(-14, -5, 28, 10).done();
        b.symbol(S_COLD_PLATES_GROUP).rect(-14, -5, 28, 10).rect(-15, -6, 30, 12).done();
    }

    private static void plant(Sheet.Builder b, ModuleResolution r) {
        int n = r.computeContainerCount();
        HeatRejection hr = PidCooling.heatRejection(r.climateZone());
        double setpoint = coolantSetpointC(r.climateZone());
        double kw = SldLayout.containerKw(r.gpuVariant());
        double bankY = SUPPLY_MAIN_Y;
        b.insert(L_EQUIPMENT, hr.symbol(), BANK_X, bankY, 1, 0);
        b.text(L_TEXT, BANK_X - 25, bankY - 15, 1.8, HAlign.LEFT, VAlign.BASELINE,
                "HEAT REJECTION: " + hr.unitsPerContainer() + " x " + hr.type().toUpperCase(Locale.ROOT)
                        + " PER CONTAINER x " + n + " = " + hr.unitsPerContainer() * n + " UNITS");
        b.text(L_TEXT, BANK_X - 25, bankY - 19, 1.8, HAlign.LEFT, VAlign.BASELINE,
                "CLIMATE ZONE " + r.climateZone().json() + ", HEAT LOAD " + SldLayout.kw(n * kw) + " kW");
        // return main: riser at the right end, across the top, down into the bank
        b.line(L_FW_RETURN, RETURN_RISER_X, ROW1_SUPPLY_Y - HEADER_GAP, RETURN_RISER_X, RETURN_MAIN_Y);
        b.line(L_FW_RETURN, RETURN_RISER_X, RETURN_MAIN_Y, BANK_X, RETURN_MAIN_Y);
        b.line(L_FW_RETURN, BANK_X, RETURN_MAIN_Y, BANK_X, bankY + 8);
        b.text(L_TEXT, 335, RETURN_MAIN_Y + 1.2, 1.6, HAlign.LEFT, VAlign.BASELINE, "FACILITY WATER RETURN");
        instrument(b, "TT-002", 320, RETURN_MAIN_Y - 6, 320, RETURN_MAIN_Y);
        // supply main: bank outlet, duty/standby pumps in parallel, instruments, drop into the supply header
        double x0 = BANK_X + 25;
        double split = 110;
        double merge = 150;
        b.line(L_FW_SUPPLY, x0, bankY, split, bankY);
        b.line(L_FW_SUPPLY, split, bankY - 6, split, bankY + 6);
        b.line(L_FW_SUPPLY, merge, bankY - 6, merge, bankY + 6);
        for (int k = 0; k < 2; k++) {
            double y = k == 0 ? bankY + 6 : bankY - 6;
            b.line(L_FW_SUPPLY, split, y, 116, y);
            b.insert(L_VALVES, S_VALVE, 118, y, 1, 0);
            b.line(L_FW_SUPPLY, 120, y, 127.5, y);
            b.insert(L_EQUIPMENT, S_PUMP, 130, y, 1, 0);
            b.line(L_FW_SUPPLY, 132.5, y, 140, y);
            b.insert(L_VALVES, S_VALVE, 142, y, 1, 0);
            b.line(L_FW_SUPPLY, 144, y, merge, y);
            b.text(L_TEXT, 130, k == 0 ? y + 3.5 : y - 3.5, 1.6, HAlign.CENTER, k == 0 ? VAlign.BOTTOM : VAlign.TOP,
                    k == 0 ? "P-001A (DUTY)" : "P-001B (STANDBY)");
        }
        b.line(L_FW_SUPPLY, merge, bankY, SUPPLY_DROP_X, bankY);
        b.line(L_FW_SUPPLY, SUPPLY_DROP_X, bankY, SUPPLY_DROP_X, ROW1_SUPPLY_Y);
        b.text(L_TEXT, 300, bankY + 1.2, 1.6, HAlign.LEFT, VAlign.BASELINE, "FACILITY WATER SUPPLY");
        instrument(b, "TT-001", 170, bankY + 7, 170, bankY);
        instrument(b, "PT-001", 184, bankY + 7, 184, bankY);
        instrument(b, "FT-001", 198, bankY + 7, 198, bankY);
        b.text(L_TEXT, 170, bankY - 3, 1.8, HAlign.LEFT, VAlign.TOP,
                "SUPPLY SETPOINT " + temp(setpoint) + " C (TT-001)");
        // bypass between the mains with the temperature control valve
        double bx = 250;
        b.line(L_FW_SUPPLY, bx, bankY, bx, 268.5);
        b.insert(L_VALVES, S_CONTROL_VALVE, bx, 270.5, 1, 90);
        b.line(L_FW_RETURN, bx, 272.5, bx, RETURN_MAIN_Y);
        b.text(L_TEXT, bx + 3, 270.5, 1.6, HAlign.LEFT, VAlign.MIDDLE, "TV-001 BYPASS (TEMPERATURE CONTROL)");
    }

    private static void instrument(Sheet.Builder b, String tag, double x, double y, double px, double py) {
        b.insert(L_INSTRUMENTS, S_INSTRUMENT, x, y, 1, 0);
        b.text(L_INSTRUMENTS, x, y, 1.0, HAlign.CENTER, VAlign.MIDDLE, tag);
        double dx = px - x;
        double dy = py - y;
        double len = Math.hypot(dx, dy);
        b.line(L_INSTRUMENTS, x + dx / len * BUBBLE_R, y + dy / len * BUBBLE_R, px, py);
    }

    private static void branches(Sheet.Builder b, ModuleResolution r) {
        int n = r.computeContainerCount();
        int max = SldLayout.MAX_INDIVIDUAL_FEEDERS;
        int perRow = SldLayout.FEEDERS_PER_ROW;
        int individual = Math.min(n, max);
        boolean summary = n > max;
        int slots = individual + (summary ? 1 : 0);
        int row2Slots = Math.max(0, slots - perRow);
        double firstCx = SldLayout.SLOT_X0;
        double ys1 = ROW1_SUPPLY_Y;
        double yr1 = ys1 - HEADER_GAP;
        double ys2 = ROW2_SUPPLY_Y;
        double yr2 = ys2 - HEADER_GAP;
        if (row2Slots > 0) {
            double lastX = SldLayout.SLOT_X0 + (row2Slots - 1) * SldLayout.SLOT_PITCH;
            b.line(L_FW_SUPPLY, 18, ys1, SUPPLY_DROP_X, ys1);
            b.line(L_FW_SUPPLY, 18, ys1, 18, ys2);
            b.line(L_FW_SUPPLY, 18, ys2, lastX + 6, ys2);
            b.line(L_FW_RETURN, 22, yr1, RETURN_RISER_X, yr1);
            b.line(L_FW_RETURN, 22, yr1, 22, yr2);
            b.line(L_FW_RETURN, 22, yr2, lastX + 6, yr2);
        } else {
            b.line(L_FW_SUPPLY, firstCx - 8, ys1, SUPPLY_DROP_X, ys1);
            b.line(L_FW_RETURN, firstCx - 8, yr1, RETURN_RISER_X, yr1);
        }
        b.text(L_TEXT, 362, ys1 + 1.2, 1.5, HAlign.LEFT, VAlign.BASELINE, "SUPPLY HEADER");
        b.text(L_TEXT, 362, yr1 + 1.2, 1.5, HAlign.LEFT, VAlign.BASELINE, "RETURN HEADER");
        double kw = SldLayout.containerKw(r.gpuVariant());
        for (int s = 0; s < slots; s++) {
            int row = s < individual ? s / perRow : 1;
            int col = s < individual ? s % perRow : perRow;
            double cx = SldLayout.SLOT_X0 + col * SldLayout.SLOT_PITCH;
            double ys = row == 0 ? ys1 : ys2;
            if (s < individual) {
                branch(b, cx, ys, s + 1, n, kw);
            } else {
                summaryBranch(b, cx, ys, n, kw);
            }
        }
    }

    /** Header connections, isolation valves and CDU of one branch; the TCS loop below it. */
    private static void branchPiping(Sheet.Builder b, double cx, double ys) {
        double yr = ys - HEADER_GAP;
        double sx = cx - 4;
        double rx = cx + 4;
        b.circle(L_FW_SUPPLY, sx, ys, 0.5);
        b.circle(L_FW_RETURN, rx, yr, 0.5);
        b.line(L_FW_SUPPLY, sx, ys, sx, ys - 8.5);
        b.insert(L_VALVES, S_VALVE, sx, ys - 10.5, 1, 90);
        b.line(L_FW_SUPPLY, sx, ys - 12.5, sx, ys - 15);
        b.line(L_FW_RETURN, rx, yr, rx, ys - 8.5);
        b.insert(L_VALVES, S_VALVE, rx, ys - 10.5, 1, 90);
        b.line(L_FW_RETURN, rx, ys - 12.5, rx, ys - 15);
        // TCS loop: CDU pump on the supply to the cold plates, return straight back
        b.line(L_TCS_SUPPLY, sx, ys - 25, sx, ys - 27);
        b.insert(L_EQUIPMENT, S_PUMP, sx, ys - 29.5, 1, -90);
        b.line(L_TCS_SUPPLY, sx, ys - 32, sx, ys - 45);
        b.line(L_TCS_RETURN, rx, ys - 45, rx, ys - 25);
    }

    private static void branch(Sheet.Builder b, double cx, double ys, int i, int n, double kw) {
        branchPiping(b, cx, ys);
        b.insert(L_EQUIPMENT, S_CDU, cx, ys - 20, 1, 0);
        b.text(L_TEXT, cx, ys - 16.2, 1.4, HAlign.CENTER, VAlign.TOP, "CDU-" + SldLayout.position(i, n).substring(1));
        instrument(b, tag("TT", i, n, 1), cx - 11, ys - 35.5, cx - 4, ys - 35.5);
        instrument(b, tag("FT", i, n, 1), cx - 11, ys - 41.5, cx - 4, ys - 41.5);
        instrument(b, tag("TT", i, n, 2), cx + 11, ys - 35.5, cx + 4, ys - 35.5);
        instrument(b, tag("PT", i, n, 2), cx + 11, ys - 41.5, cx + 4, ys - 41.5);
        b.insert(L_ENCLOSURE, S_COLD_PLATES, cx, ys - 50, 1, 0);
        b.text(L_TEXT, cx, ys - 47.3, 1.4, HAlign.CENTER, VAlign.MIDDLE,
                SldLayout.computeId(i, n) + " (" + SldLayout.position(i, n) + ")");
        b.text(L_TEXT, cx, ys - 49.9, 1.2, HAlign.CENTER, VAlign.MIDDLE, "COLD PLATES");
        b.text(L_TEXT, cx, ys - 52.5, 1.2, HAlign.CENTER, VAlign.MIDDLE, "7 NODES, " + SldLayout.kw(kw) + " kW");
    }

    private static void summaryBranch(Sheet.Builder b, double cx, double ys, int n, double kw) {
        int max = SldLayout.MAX_INDIVIDUAL_FEEDERS;
        int rest = n - max;
        branchPiping(b, cx, ys);
        b.insert(L_EQUIPMENT, S_CDU_GROUP, cx, ys - 20, 1, 0);
        b.text(L_TEXT, cx, ys - 16.2, 1.4, HAlign.CENTER, VAlign.TOP, rest + " x CDU");
        b.text(L_TEXT, cx - 6, ys - 37, 1.2, HAlign.RIGHT, VAlign.MIDDLE, "EACH");
        b.text(L_TEXT, cx - 6, ys - 39.5, 1.2, HAlign.RIGHT, VAlign.MIDDLE, "AS");
        b.text(L_TEXT, cx - 6, ys - 42, 1.2, HAlign.RIGHT, VAlign.MIDDLE, "DRAWN");
        b.insert(L_ENCLOSURE, S_COLD_PLATES_GROUP, cx, ys - 50, 1, 0);
        b.text(L_TEXT, cx, ys - 46.6, 1.2, HAlign.CENTER, VAlign.MIDDLE, SldLayout.computeId(max + 1, n) + " ..");
        b.text(L_TEXT, cx, ys - 48.9, 1.2, HAlign.CENTER, VAlign.MIDDLE, SldLayout.computeId(n, n));
        b.text(L_TEXT, cx, ys - 51.2, 1.1, HAlign.CENTER, VAlign.MIDDLE, "(" + rest + " containers)");
        b.text(L_TEXT, cx, ys - 53.5, 1.1, HAlign.CENTER, VAlign.MIDDLE, SldLayout.kw(rest * kw) + " kW");
    }

    private static void notes(Sheet.Builder b, ModuleResolution r) {
        int n = r.computeContainerCount();
        int max = SldLayout.MAX_INDIVIDUAL_FEEDERS;
        double kw = SldLayout.containerKw(r.gpuVariant());
        HeatRejection hr = PidCooling.heatRejection(r.climateZone());
        String pad = SldLayout.position(n, n).substring(1).replaceAll("\\d", "n");
        String[] lines = {
            "NOTES",
            "CLIMATE ZONE: " + r.climateZone().json() + "; COOLANT SUPPLY SETPOINT "
                    + temp(coolantSetpointC(r.climateZone())) + " C (= DTM T_coolant_setpoint_C)",
            "HEAT REJECTION: " + hr.type() + ", " + hr.unitsPerContainer() + " per compute container, "
                    + hr.unitsPerContainer() * n + " units in total",
            "COMPUTE CONTAINERS: " + n + " (one CDU each, " + SldLayout.kw(kw) + " kW; total " + SldLayout.kw(n * kw)
                    + " kW)",
            "FACILITY WATER PUMPS P-001A/B DUTY/STANDBY; TV-001 HOLDS TT-001 AT THE SETPOINT",
            "INSTRUMENT TAGS: TT/FT-" + pad + "1 TCS SUPPLY, TT/PT-" + pad + "2 TCS RETURN OF CONTAINER " + pad,
            n > max
                    ? "BRANCHES " + SldLayout.computeId(max + 1, n) + " .. " + SldLayout.computeId(n, n)
                            + " SHOWN AS ONE SUMMARY BRANCH (FIRST " + max + " DRAWN INDIVIDUALLY)"
                    : "ONE CDU BRANCH PER COMPUTE CONTAINER",
            "SCHEMATIC - NOT TO SCALE",
        };
        double y = 104;
        for (String l : lines) {
            b.text(L_TEXT, 20, y, 2.0, HAlign.LEFT, VAlign.BASELINE, l);
            y -= 4.8;
        }
    }

    static String temp(double c) {
        return Quantities.plain(c);
    }
}
