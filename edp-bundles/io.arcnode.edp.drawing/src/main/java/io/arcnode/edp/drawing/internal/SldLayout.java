package io.arcnode.edp.drawing.internal;

import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.DeploymentProfile;
import io.arcnode.api.edp.EdpConstants;
import io.arcnode.api.edp.GpuVariant;
import io.arcnode.api.edp.GridConnection;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.drawing.api.DrawingInputs;
import io.arcnode.edp.drawing.api.Dxf.HAlign;
import io.arcnode.edp.drawing.api.Dxf.VAlign;
import io.arcnode.edp.drawing.api.Quantities;
import io.arcnode.edp.drawing.api.Sheet;
import java.util.Locale;

/**
 * Lays out the single-line diagram of one deployment on an A3 sheet (paper mm). Drawing rules (also in
 * the README):
 * <ul>
 * <li>top row: the energy source symbol (solar PV, nuclear, generator for grid_hybrid and off_grid) and,
 * when {@code grid_connection != none}, the utility grid symbol;</li>
 * <li>when the grid container is present: grid-01 (G01) with MV switchgear and transformer between the
 * sources and the AC bus; otherwise each source feeds the AC bus through its own main breaker;</li>
 * <li>BESS branch at the top right, by coupling: ac_coupled = breaker, PCS, battery on the AC bus;
 * dc_external_pcs = breaker, external PCS, DC bus, battery; dc_integrated_pcs = breaker into one
 * enclosure holding integrated PCS, internal DC bus and battery; none = no branch;</li>
 * <li>one feeder (breaker + container box with module id, position and power) per compute container,
 * 10 per row on two rows; at most {@value #MAX_INDIVIDUAL_FEEDERS} containers are drawn individually,
 * the rest (compute-21 .. compute-NN) as one summary feeder in an 11th position at the end of the
 * second row.</li>
 * </ul>
 */
public final class SldLayout {

    /** Containers drawn one by one; above this the remainder is one summary feeder. */
    public static final int MAX_INDIVIDUAL_FEEDERS = 20;
    /** Feeders per row. */
    public static final int FEEDERS_PER_ROW = 10;
    /** GPU nodes per compute container (spec 002: 7 nodes x 8 GPUs). */
    public static final int NODES_PER_CONTAINER = 7;
    /** Maximum system power per 8-GPU node, kW: DGX H100 10.2 kW, DGX B200 14.3 kW (NVIDIA data sheets). */
    public static final double NODE_KW_H100_SXM = 10.2;
    public static final double NODE_KW_B200 = 14.3;

    public static final String L_POWER = "POWER";
    public static final String L_DC_BUS = "DC_BUS";
    public static final String L_EQUIPMENT = "EQUIPMENT";
    public static final String L_ENCLOSURE = "ENCLOSURE";
    public static final String L_TEXT = "TEXT";

    public static final String S_UTILITY = "UTILITY";
    public static final String S_GENERATOR = "GENERATOR";
    public static final String S_SOLAR = "SOLAR_PV";
    public static final String S_NUCLEAR = "NUCLEAR";
    public static final String S_BREAKER = "BREAKER";
    public static final String S_TRANSFORMER = "TRANSFORMER";
    public static final String S_GRID_CONTAINER = "GRID_CONTAINER";
    public static final String S_PCS = "PCS";
    public static final String S_BATTERY = "BATTERY";
    public static final String S_COMPUTE = "COMPUTE_CONTAINER";
    public static final String S_COMPUTE_GROUP = "COMPUTE_GROUP";

    static final double BUS_Y = 195;
    static final double ROW2_BUS_Y = 140;
    static final double BUS_X0 = 20;
    static final double BUS_X1 = 400;
    static final double SLOT_X0 = 35;
    static final double SLOT_PITCH = 34;
    static final double SOURCE_Y = 262;
    static final double SOURCE_X = 90;
    static final double UTILITY_X = 130;
    static final double GRID_X = 110;
    static final double GRID_Y = 222;
    static final double BESS_X = 300;

    private SldLayout() {
    }

    /** Container IT power in kW: 7 nodes x node power by GPU variant. */
    public static double containerKw(GpuVariant v) {
        double node = switch (v) {
            case H100_SXM -> NODE_KW_H100_SXM;
            case B200 -> NODE_KW_B200;
        };
        return Math.round(NODES_PER_CONTAINER * node * 10) / 10.0;
    }

    /** {@code compute-01}, two digits, more when the count has more. */
    public static String computeId(int i, int count) {
        return "compute-" + pad(i, count);
    }

    /** {@code C01}, padded like the module id. */
    public static String position(int i, int count) {
        return "C" + pad(i, count);
    }

    private static String pad(int i, int count) {
        int width = Math.max(2, Integer.toString(count).length());
        String s = Integer.toString(i);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    /** Grid container assembly by profile: dod_* defense; *_dc_ext and *_dc_int commercial_dc; else commercial_ac. */
    public static String gridContainerAssembly(DeploymentProfile p) {
        String j = p.json();
        if (j.startsWith("dod_")) {
            return "grid_container_defense";
        }
        if (j.endsWith("_dc_ext") || j.endsWith("_dc_int")) {
            return "grid_container_commercial_dc";
        }
        return "grid_container_commercial_ac";
    }

    public static Sheet layout(ConfiguratorPayload p, ModuleResolution r, Sheet.TitleBlock tb) {
        DrawingInputs.check(p, r);
        Sheet.Builder b = Sheet.builder(tb).scale(100, false)
                .layer(L_POWER, 1, 0.5)
                .layer(L_DC_BUS, 6, 0.5)
                .layer(L_EQUIPMENT, 5, 0.3)
                .layer(L_ENCLOSURE, 8, 0.25)
                .layer(L_TEXT, 7, 0.18);
        defineSymbols(b);
        sources(b, p, r);
        bess(b, r);
        feeders(b, r);
        notes(b, p, r);
        return b.build();
    }

    private static void defineSymbols(Sheet.Builder b) {
        b.symbol(S_UTILITY).circle(0, 0, 6).polyline(false, -3.5, -4, 0, 4, 3.5, -4)
                .line(-2.5, 0, 2.5, 0).line(-1.5, 2, 1.5, 2).done();
        b.symbol(S_GENERATOR).circle(0, 0, 6).text(0, 0, 4, HAlign.CENTER, VAlign.MIDDLE, "G").done();
        b.symbol(S_SOLAR).rect(-7, -5, 14, 10).line(-7, -5, 7, 5).line(-7, 5, -3, 5)
                .text(3, -2.5, 2.5, HAlign.CENTER, VAlign.MIDDLE, "PV").done();
        b.symbol(S_NUCLEAR).circle(0, 0, 6).circle(0, 0, 1.5).line(0, 1.5, 0, 5).line(-1.3, -0.75, -4.3, -2.5)
                .line(1.3, -0.75, 4.3, -2.5).done();
        b.symbol(S_BREAKER).rect(-2, -2, 4, 4).line(-2, -2, 2, 2).line(-2, 2, 2, -2).done();
        b.symbol(S_TRANSFORMER).circle(0, 2.5, 4).circle(0, -2.5, 4).done();
        b.symbol(S_PCS).rect(-6, -5, 12, 10).line(-6, -5, 6, 5)
                .text(-3, 2.5, 2.5, HAlign.CENTER, VAlign.MIDDLE, "~")
                .text(3, -2.5, 2.5, HAlign.CENTER, VAlign.MIDDLE, "=").done();
        b.symbol(S_BATTERY).line(0, 4, 0, 2).line(-5, 2, 5, 2).line(-3, 0.7, 3, 0.7).line(-5, -0.7, 5, -0.7)
                .line(-3, -2, 3, -2).line(0, -2, 0, -4).done();
        b.symbol(S_COMPUTE).rect(-13, -8, 26, 16).done();
        b.symbol(S_COMPUTE_GROUP).rect(-13, -8, 26, 16).rect(-12, -7, 24, 14).done();
        // grid container internals: MV bus, MV switchgear breaker, transformer; enclosure 80 x 34 mm
        b.symbol(S_GRID_CONTAINER).rect(-40, -17, 80, 34).line(-30, 10, 30, 10).line(0, 10, 0, 6)
                .insert(S_BREAKER, 0, 4, 1, 0).line(0, 2, 0, -0.5).insert(S_TRANSFORMER, 0, -7, 1, 0)
                .line(0, -13.5, 0, -17).done();
    }

    private static void sources(Sheet.Builder b, ConfiguratorPayload p, ModuleResolution r) {
        String symbol;
        String label;
        switch (p.energySource()) {
            case SOLAR -> {
                symbol = S_SOLAR;
                label = "SOLAR PV";
            }
            case NUCLEAR -> {
                symbol = S_NUCLEAR;
                label = "NUCLEAR";
            }
            case GRID_HYBRID -> {
                symbol = S_GENERATOR;
                label = "ON-SITE GENERATION (GRID HYBRID)";
            }
            default -> {
                symbol = S_GENERATOR;
                label = "GENERATOR (OFF-GRID)";
            }
        }
        boolean utility = p.gridConnection() != GridConnection.NONE;
        double labelX = utility ? UTILITY_X + 10 : SOURCE_X + 10;
        b.insert(L_EQUIPMENT, symbol, SOURCE_X, SOURCE_Y, 1, 0);
        b.text(L_TEXT, SOURCE_X - 10, SOURCE_Y + 3, 2.2, HAlign.RIGHT, VAlign.MIDDLE, label);
        b.text(L_TEXT, SOURCE_X - 10, SOURCE_Y - 2, 2.2, HAlign.RIGHT, VAlign.MIDDLE,
                Quantities.plain(p.sourceCapacityMw()) + " MW");
        if (utility) {
            b.insert(L_EQUIPMENT, S_UTILITY, UTILITY_X, SOURCE_Y, 1, 0);
            b.text(L_TEXT, labelX, SOURCE_Y + 3, 2.2, HAlign.LEFT, VAlign.MIDDLE, "UTILITY GRID");
            b.text(L_TEXT, labelX, SOURCE_Y - 2, 2.2, HAlign.LEFT, VAlign.MIDDLE,
                    "GRID CONNECTION: " + p.gridConnection().json());
        }
        double top = SOURCE_Y - 6;
        if (r.gridContainerPresent()) {
            double gTop = GRID_Y + 17;
            b.insert(L_EQUIPMENT, S_GRID_CONTAINER, GRID_X, GRID_Y, 1, 0);
            b.line(L_POWER, SOURCE_X, top, SOURCE_X, GRID_Y + 10);
            if (utility) {
                b.line(L_POWER, UTILITY_X, top, UTILITY_X, GRID_Y + 10);
            }
            b.line(L_POWER, GRID_X, GRID_Y - 17, GRID_X, BUS_Y);
            b.text(L_TEXT, GRID_X - 40, gTop + 2, 2.2, HAlign.LEFT, VAlign.BASELINE, "grid-01 (G01)");
            b.text(L_TEXT, GRID_X - 42, GRID_Y, 1.8, 90, HAlign.CENTER, VAlign.BOTTOM,
                    gridContainerAssembly(r.deploymentProfile()));
            b.text(L_TEXT, GRID_X + 4, GRID_Y + 4, 1.8, HAlign.LEFT, VAlign.MIDDLE, "MV SWITCHGEAR");
            b.text(L_TEXT, GRID_X + 6, GRID_Y - 7, 1.8, HAlign.LEFT, VAlign.MIDDLE, "TRANSFORMER MV/LV");
        } else {
            mainBreaker(b, SOURCE_X, top);
            if (utility) {
                mainBreaker(b, UTILITY_X, top);
            }
        }
        b.line(L_POWER, BUS_X0, BUS_Y, BUS_X1, BUS_Y);
        b.text(L_TEXT, BUS_X0, BUS_Y + 1.5, 2.2, HAlign.LEFT, VAlign.BASELINE, "LV AC BUS");
    }

    private static void mainBreaker(Sheet.Builder b, double x, double top) {
        double y = 225;
        b.line(L_POWER, x, top, x, y + 2);
        b.insert(L_EQUIPMENT, S_BREAKER, x, y, 1, 0);
        b.line(L_POWER, x, y - 2, x, BUS_Y);
        b.text(L_TEXT, x + 4, y, 1.8, HAlign.LEFT, VAlign.MIDDLE, "MAIN BREAKER");
    }

    private static void bess(Sheet.Builder b, ModuleResolution r) {
        BessCoupling c = r.bessCoupling();
        if (c == BessCoupling.NONE) {
            return;
        }
        String energy = "BESS " + Quantities.plain(r.bessCapacityMwh()) + " MWh";
        double x = BESS_X;
        b.line(L_POWER, x, BUS_Y, x, 201);
        b.insert(L_EQUIPMENT, S_BREAKER, x, 203, 1, 0);
        b.text(L_TEXT, x + 4, 203, 1.8, HAlign.LEFT, VAlign.MIDDLE, "BESS BREAKER");
        switch (c) {
            case AC_COUPLED -> {
                b.line(L_POWER, x, 205, x, 216);
                b.insert(L_EQUIPMENT, S_PCS, x, 221, 1, 0);
                b.line(L_POWER, x, 226, x, 240);
                b.insert(L_EQUIPMENT, S_BATTERY, x, 244, 1, 0);
                b.text(L_TEXT, x + 9, 221, 2.2, HAlign.LEFT, VAlign.MIDDLE, "PCS (AC-COUPLED)");
                b.text(L_TEXT, x + 9, 244, 2.2, HAlign.LEFT, VAlign.MIDDLE, energy);
                b.text(L_TEXT, x, 255, 2.2, HAlign.CENTER, VAlign.BASELINE, "BESS - AC COUPLED ON AC BUS");
            }
            case DC_EXTERNAL_PCS -> {
                b.line(L_POWER, x, 205, x, 216);
                b.insert(L_EQUIPMENT, S_PCS, x, 221, 1, 0);
                b.line(L_DC_BUS, x, 226, x, 240);
                b.line(L_DC_BUS, 285, 240, 395, 240);
                b.text(L_TEXT, 395, 241.5, 2.2, HAlign.RIGHT, VAlign.BASELINE, "DC BUS (BT PLATE)");
                b.line(L_DC_BUS, 360, 240, 360, 251);
                b.insert(L_EQUIPMENT, S_BATTERY, 360, 255, 1, 0);
                b.text(L_TEXT, x + 9, 221, 2.2, HAlign.LEFT, VAlign.MIDDLE, "EXTERNAL PCS");
                b.text(L_TEXT, 367, 255, 2.2, HAlign.LEFT, VAlign.MIDDLE, energy);
                b.text(L_TEXT, 340, 268, 2.2, HAlign.CENTER, VAlign.BASELINE, "BESS - DC COUPLED, EXTERNAL PCS");
            }
            case DC_INTEGRATED_PCS -> {
                b.rect(L_ENCLOSURE, 280, 210, 115, 55);
                b.line(L_POWER, x, 205, x, 216);
                b.insert(L_EQUIPMENT, S_PCS, x, 221, 1, 0);
                b.line(L_DC_BUS, x, 226, x, 240);
                b.line(L_DC_BUS, 288, 240, 390, 240);
                b.text(L_TEXT, 390, 241.5, 2.2, HAlign.RIGHT, VAlign.BASELINE, "DC BUS (INTERNAL)");
                b.line(L_DC_BUS, 335, 240, 335, 248);
                b.insert(L_EQUIPMENT, S_BATTERY, 335, 252, 1, 0);
                b.text(L_TEXT, x + 9, 221, 2.2, HAlign.LEFT, VAlign.MIDDLE, "INTEGRATED PCS");
                b.text(L_TEXT, 342, 252, 2.2, HAlign.LEFT, VAlign.MIDDLE, energy);
                b.text(L_TEXT, 337.5, 268, 2.2, HAlign.CENTER, VAlign.BASELINE, "BESS WITH INTEGRATED PCS (DC COUPLED)");
            }
            default -> throw new IllegalStateException("unhandled coupling " + c);
        }
    }

    private static void feeders(Sheet.Builder b, ModuleResolution r) {
        int n = r.computeContainerCount();
        double kw = containerKw(r.gpuVariant());
        int individual = Math.min(n, MAX_INDIVIDUAL_FEEDERS);
        boolean summary = n > MAX_INDIVIDUAL_FEEDERS;
        int slots = individual + (summary ? 1 : 0);
        int row2Slots = Math.max(0, slots - FEEDERS_PER_ROW);
        if (row2Slots > 0) {
            // the summary feeder is the 11th position of row 2
            double lastX = SLOT_X0 + (row2Slots - 1) * SLOT_PITCH;
            b.line(L_POWER, BUS_X0, BUS_Y, BUS_X0, ROW2_BUS_Y);
            b.line(L_POWER, BUS_X0, ROW2_BUS_Y, lastX + 6, ROW2_BUS_Y);
        }
        for (int s = 0; s < slots; s++) {
            int row = s < individual ? s / FEEDERS_PER_ROW : 1;
            int col = s < individual ? s % FEEDERS_PER_ROW : FEEDERS_PER_ROW;
            double cx = SLOT_X0 + col * SLOT_PITCH;
            double yb = row == 0 ? BUS_Y : ROW2_BUS_Y;
            b.line(L_POWER, cx, yb, cx, yb - 4);
            b.insert(L_EQUIPMENT, S_BREAKER, cx, yb - 6, 1, 0);
            b.line(L_POWER, cx, yb - 8, cx, yb - 14);
            double boxY = yb - 22;
            if (s < individual) {
                int i = s + 1;
                b.insert(L_EQUIPMENT, S_COMPUTE, cx, boxY, 1, 0);
                b.text(L_TEXT, cx, boxY + 3.5, 2.2, HAlign.CENTER, VAlign.MIDDLE, computeId(i, n));
                b.text(L_TEXT, cx, boxY - 0.5, 1.8, HAlign.CENTER, VAlign.MIDDLE, position(i, n));
                b.text(L_TEXT, cx, boxY - 4.5, 1.8, HAlign.CENTER, VAlign.MIDDLE, kw(kw) + " kW");
            } else {
                int rest = n - MAX_INDIVIDUAL_FEEDERS;
                b.insert(L_EQUIPMENT, S_COMPUTE_GROUP, cx, boxY, 1, 0);
                b.text(L_TEXT, cx, boxY + 4.5, 1.8, HAlign.CENTER, VAlign.MIDDLE,
                        computeId(MAX_INDIVIDUAL_FEEDERS + 1, n) + " ..");
                b.text(L_TEXT, cx, boxY + 1.5, 1.8, HAlign.CENTER, VAlign.MIDDLE, computeId(n, n));
                b.text(L_TEXT, cx, boxY - 1.5, 1.6, HAlign.CENTER, VAlign.MIDDLE, "(" + rest + " containers)");
                b.text(L_TEXT, cx, boxY - 4.5, 1.6, HAlign.CENTER, VAlign.MIDDLE, kw(rest * kw) + " kW");
            }
        }
    }

    private static void notes(Sheet.Builder b, ConfiguratorPayload p, ModuleResolution r) {
        int n = r.computeContainerCount();
        double kw = containerKw(r.gpuVariant());
        double x = 20;
        double y = 100;
        double h = 2.2;
        double step = 5;
        String[] lines = {
            "NOTES",
            "DEPLOYMENT PROFILE: " + r.deploymentProfile().json(),
            "COMPUTE CONTAINERS: " + n + " (" + r.gpuCount() + " x " + r.gpuVariant().json() + " GPUs, "
                    + EdpConstants.GPUS_PER_COMPUTE_CONTAINER + " per container)",
            "COMPUTE LOAD: " + n + " x " + kw(kw) + " kW = " + kw(n * kw) + " kW (" + NODES_PER_CONTAINER
                    + " nodes per container)",
            "ENERGY SOURCE: " + p.energySource().json() + " " + Quantities.plain(p.sourceCapacityMw())
                    + " MW; GRID CONNECTION: " + p.gridConnection().json(),
            "BESS COUPLING: " + r.bessCoupling().json() + (r.bessCoupling() == BessCoupling.NONE ? ""
                    : ", " + Quantities.plain(r.bessCapacityMwh()) + " MWh"),
            "GRID CONTAINER: " + (r.gridContainerPresent() ? "grid-01 (G01) " + gridContainerAssembly(r.deploymentProfile())
                    : "not present"),
            n > MAX_INDIVIDUAL_FEEDERS
                    ? "FEEDERS " + computeId(MAX_INDIVIDUAL_FEEDERS + 1, n) + " .. " + computeId(n, n)
                            + " SHOWN AS ONE SUMMARY FEEDER (FIRST " + MAX_INDIVIDUAL_FEEDERS + " DRAWN INDIVIDUALLY)"
                    : "ONE FEEDER PER COMPUTE CONTAINER",
            "SCHEMATIC - NOT TO SCALE",
        };
        for (String l : lines) {
            b.text(L_TEXT, x, y, h, HAlign.LEFT, VAlign.BASELINE, l);
            y -= step;
        }
    }

    static String kw(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
