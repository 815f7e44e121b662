package io.arcnode.workbench.edp.api;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * An orthographic preview of a package's 3D model: top, front and side view side by side, one scale for all three,
 * flat-shaded triangles drawn back to front. Drawn from the glTF binary; a STEP model is previewed from the
 * {@code .glb} of the same name beside it (the generator writes every model in both formats), since tessellating
 * B-rep surfaces is a CAD kernel's work.
 */
public final class ModelPreview {

    /** The three views: axes shown right and up, and the axis looked along (depth, towards the viewer). */
    enum View {
        TOP("top (x, -z)", 0, 2, true, 1), FRONT("front (x, y)", 0, 1, false, 2), SIDE("side (-z, y)", 2, 1, false, 0);

        final String label;
        final int right;
        final int up;
        final boolean flipUp;
        final int depth;

        View(String label, int right, int up, boolean flipUp, int depth) {
            this.label = label;
            this.right = right;
            this.up = up;
            this.flipUp = flipUp;
            this.depth = depth;
        }
    }

    private ModelPreview() {
    }

    /** @return the glb a preview of {@code model} is drawn from ({@code model} itself, or its .glb sibling) */
    public static Path source(Path model) throws IOException {
        String name = model.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".glb")) {
            return model;
        }
        int dot = name.lastIndexOf('.');
        Path glb = model.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".glb");
        if (!Files.exists(glb)) {
            throw new IOException("no preview of " + model + ": no " + glb.getFileName() + " beside it");
        }
        return glb;
    }

    /** @return the preview of {@code model}, {@code width} x {@code height} pixels */
    public static BufferedImage render(Path model, int width, int height) throws IOException {
        ModelFacts.Mesh mesh = ModelFacts.GlbMesh.read(source(model));
        BufferedImage image = new BufferedImage(Math.max(width, 30), Math.max(height, 30), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            int panel = image.getWidth() / 3;
            int margin = 24;
            double scale = Double.MAX_VALUE;
            for (View v : View.values()) {
                double w = mesh.max()[v.right] - mesh.min()[v.right];
                double h = mesh.max()[v.up] - mesh.min()[v.up];
                scale = Math.min(scale, Math.min((panel - 2.0 * margin) / Math.max(w, 1e-9),
                        (image.getHeight() - 2.0 * margin) / Math.max(h, 1e-9)));
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (View v : View.values()) {
                draw(g, mesh, v, v.ordinal() * panel, panel, image.getHeight(), margin, scale);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void draw(Graphics2D g, ModelFacts.Mesh mesh, View v, int x0, int panel, int height, int margin,
                             double scale) {
        float[] t = mesh.triangles();
        int n = t.length / 9;
        Integer[] order = new Integer[n];
        double[] depth = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            // the viewer is on the + side of the depth axis: a larger value is nearer
            depth[i] = (t[i * 9 + v.depth] + t[i * 9 + 3 + v.depth] + t[i * 9 + 6 + v.depth]) / 3.0;
        }
        Arrays.sort(order, (a, b) -> Double.compare(depth[a], depth[b])); // farthest first
        double cx = (mesh.min()[v.right] + mesh.max()[v.right]) / 2;
        double cy = (mesh.min()[v.up] + mesh.max()[v.up]) / 2;
        int px = x0 + panel / 2;
        int py = height / 2;
        for (int i : order) {
            Polygon p = new Polygon();
            for (int k = 0; k < 3; k++) {
                int base = i * 9 + k * 3;
                double r = rightOf(v, t[base + v.right]) - rightOf(v, cx);
                double u = t[base + v.up] - cy;
                p.addPoint((int) Math.round(px + r * scale), (int) Math.round(py + (v.flipUp ? u : -u) * scale));
            }
            double shade = shade(t, i, v);
            int c = (int) Math.round(90 + 140 * shade);
            g.setColor(new Color(c / 2 + 30, c / 2 + 60, c));
            g.fillPolygon(p);
            g.setColor(new Color(40, 50, 70));
            g.setStroke(new BasicStroke(0.6f));
            g.drawPolygon(p);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString(v.label, x0 + 8, 16);
        g.drawLine(x0 + panel - 1, 0, x0 + panel - 1, height);
    }

    /** Side view looks along +x with -z to the right; the others keep the axis as it is. */
    private static double rightOf(View v, double value) {
        return v == View.SIDE ? -value : value;
    }

    /** @return 0..1, how much the triangle faces the viewer */
    private static double shade(float[] t, int i, View v) {
        int b = i * 9;
        double ax = t[b + 3] - t[b];
        double ay = t[b + 4] - t[b + 1];
        double az = t[b + 5] - t[b + 2];
        double bx = t[b + 6] - t[b];
        double by = t[b + 7] - t[b + 1];
        double bz = t[b + 8] - t[b + 2];
        double[] nrm = {ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx};
        double len = Math.sqrt(nrm[0] * nrm[0] + nrm[1] * nrm[1] + nrm[2] * nrm[2]);
        return len == 0 ? 0 : Math.abs(nrm[v.depth]) / len;
    }
}
