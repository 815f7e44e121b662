package io.arcnode.edp.assemblies.internal.model;

/**
 * An axis-aligned solid in millimetres: x along the container's length, y across its width, z up.
 * {@code rgb} is the display colour used by the GLB model (0..1 per channel).
 */
public record Box(String name, double x0, double y0, double z0, double x1, double y1, double z1, double[] rgb) {

    public Box {
        if (!(x1 > x0 && y1 > y0 && z1 > z0)) {
            throw new IllegalArgumentException(name + ": a box needs positive extent on every axis");
        }
        rgb = rgb.clone();
    }

    public static Box of(String name, double x, double y, double z, double length, double width, double height,
            double[] rgb) {
        return new Box(name, x, y, z, x + length, y + width, z + height, rgb);
    }

    /** Corner {@code i} (0..7): bit 0 picks x1, bit 1 y1, bit 2 z1. */
    double[] corner(int i) {
        return new double[] { (i & 1) == 0 ? x0 : x1, (i & 2) == 0 ? y0 : y1, (i & 4) == 0 ? z0 : z1 };
    }

    @Override
    public double[] rgb() {
        return rgb.clone();
    }
}
