package io.arcnode.edp.assemblies.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parametric solids of every module assembly and interface plate, in millimetres. Dimensions follow ISO 668
 * containers (40 ft high cube: 12 192 x 2 438 x 2 896; 20 ft: 6 058 x 2 438 x 2 591); equipment boxes are placed
 * where a service engineer expects them so the models read correctly in a viewer.
 */
public final class AssemblyModels {

    /** Every assembly id of the catalogue, in a fixed order. */
    public static final List<String> ASSEMBLIES = List.of("compute_container", "grid_container_defense",
            "grid_container_commercial_dc", "grid_container_commercial_ac");

    /** Interface plate ids with width x height x thickness in mm. */
    public static final Map<String, double[]> PLATES = Map.of(
            "CL", new double[] { 800, 600, 12 },  // coolant supply/return: two DN80 flanges (spec.yaml)
            "NW", new double[] { 400, 300, 6 },   // network/comms: fibre and copper glands
            "CG", new double[] { 1000, 800, 15 }, // compute<->grid power: MV/LV bushings
            "BT", new double[] { 900, 700, 15 }); // battery DC bus

    static final double[] STEEL_GREY = { 0.55, 0.57, 0.6 };
    static final double[] ARCNODE_BLUE = { 0.12, 0.3, 0.55 };
    static final double[] EQUIPMENT_DARK = { 0.2, 0.2, 0.22 };
    static final double[] COPPER = { 0.72, 0.45, 0.2 };
    static final double[] DEFENSE_GREEN = { 0.33, 0.4, 0.26 };

    private AssemblyModels() {
    }

    public static List<Box> assembly(String id) {
        return switch (id) {
            case "compute_container" -> compute();
            case "grid_container_defense" -> grid(DEFENSE_GREEN, true);
            case "grid_container_commercial_dc" -> grid(STEEL_GREY, true);
            case "grid_container_commercial_ac" -> grid(STEEL_GREY, false);
            default -> throw new IllegalArgumentException("unknown assembly " + id + "; known: " + ASSEMBLIES);
        };
    }

    public static List<Box> plate(String plateId) {
        double[] d = PLATES.get(plateId);
        if (d == null) {
            throw new IllegalArgumentException("unknown interface plate " + plateId + "; known: " + PLATES.keySet());
        }
        List<Box> boxes = new ArrayList<>();
        boxes.add(Box.of("plate_" + plateId.toLowerCase(java.util.Locale.ROOT), 0, 0, 0, d[0], d[2], d[1], STEEL_GREY));
        // two connector bosses on the outside face, so the plate has a visible front
        double boss = Math.min(d[0], d[1]) / 5;
        boxes.add(Box.of("connector_1", d[0] / 4 - boss / 2, -40, d[1] / 2 - boss / 2, boss, 40, boss, COPPER));
        boxes.add(Box.of("connector_2", 3 * d[0] / 4 - boss / 2, -40, d[1] / 2 - boss / 2, boss, 40, boss, COPPER));
        return boxes;
    }

    /** 40 ft high-cube container with the roof-mounted dry cooler and a coolant distribution unit at the door end. */
    private static List<Box> compute() {
        List<Box> boxes = new ArrayList<>();
        boxes.add(Box.of("container_shell", 0, 0, 0, 12192, 2438, 2896, ARCNODE_BLUE));
        boxes.add(Box.of("roof_dry_cooler", 1000, 200, 2896, 10192, 2038, 900, STEEL_GREY));
        boxes.add(Box.of("cdu_skid", 12192, 400, 0, 1200, 1638, 2000, EQUIPMENT_DARK));
        return boxes;
    }

    /** 20 ft container with MV switchgear on the end; DC variants carry a DC bus enclosure on the side. */
    private static List<Box> grid(double[] colour, boolean dcBus) {
        List<Box> boxes = new ArrayList<>();
        boxes.add(Box.of("container_shell", 0, 0, 0, 6058, 2438, 2591, colour));
        boxes.add(Box.of("mv_switchgear", 6058, 300, 0, 900, 1838, 2200, EQUIPMENT_DARK));
        boxes.add(Box.of("transformer_bund", -1800, 300, 0, 1800, 1838, 1900, EQUIPMENT_DARK));
        if (dcBus) {
            boxes.add(Box.of("dc_bus_enclosure", 1500, 2438, 0, 3000, 600, 2000, COPPER));
        }
        return boxes;
    }
}
