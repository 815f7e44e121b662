package io.arcnode.edp.assemblies.internal.model;

/**
 * The six faces of a {@link Box} as corner indices, each listed counter-clockwise seen from outside, with its outward
 * normal. Shared by the STEP and GLB writers so both describe the same solid.
 */
final class Faces {

    /** corner indices per face (see {@link Box#corner(int)}), counter-clockwise from outside */
    static final int[][] LOOPS = {
            { 0, 2, 3, 1 }, // bottom, normal -z
            { 4, 5, 7, 6 }, // top, +z
            { 0, 1, 5, 4 }, // front (y0), -y
            { 2, 6, 7, 3 }, // back (y1), +y
            { 0, 4, 6, 2 }, // x0 end, -x
            { 1, 3, 7, 5 }, // x1 end, +x
    };

    static final double[][] NORMALS = {
            { 0, 0, -1 }, { 0, 0, 1 }, { 0, -1, 0 }, { 0, 1, 0 }, { -1, 0, 0 }, { 1, 0, 0 } };

    private Faces() {
    }
}
