package io.arcnode.workbench.edp.api;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A drawing of the package (PDF) for the viewer: its pages, each page's size, and a page rendered at a zoom
 * (PDFBox, 1.0 = 72 dpi, so a page of A3 landscape at zoom 1 is 1191 x 842 pixels). Open while the viewer shows it;
 * close it when done. PDFBox documents are not thread-safe: rendering and closing are serialised here, so a viewer
 * may render from several jobs and close from its UI thread.
 */
public final class DrawingPages implements AutoCloseable {

    /** The smallest and largest zoom the viewer offers. */
    public static final double MIN_ZOOM = 0.1;
    public static final double MAX_ZOOM = 8.0;

    private final Path file;
    private final PDDocument document;
    private final PDFRenderer renderer;

    private DrawingPages(Path file, PDDocument document) {
        this.file = file;
        this.document = document;
        this.renderer = new PDFRenderer(document);
    }

    /**
     * Opens a PDF.
     *
     * @throws IOException naming the file when it is no readable PDF
     */
    public static DrawingPages open(Path file) throws IOException {
        try {
            return new DrawingPages(file, Loader.loadPDF(file.toFile()));
        } catch (IOException e) {
            throw new IOException(file + ": not a readable PDF (" + e.getMessage() + ")", e);
        }
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /** @return the number of pages */
    public int pages() {
        return document.getNumberOfPages();
    }

    /** @return page {@code index}'s width and height in points (1/72 in), as shown (rotation applied) */
    public synchronized double[] size(int index) {
        PDRectangle box = document.getPage(index).getCropBox();
        int rotation = document.getPage(index).getRotation();
        boolean turned = rotation % 180 != 0;
        return turned ? new double[] {box.getHeight(), box.getWidth()} : new double[] {box.getWidth(), box.getHeight()};
    }

    /** @return the zoom at which page {@code index} fits into {@code width} x {@code height} pixels */
    public double fit(int index, int width, int height) {
        double[] s = size(index);
        return clamp(Math.min(width / s[0], height / s[1]));
    }

    /** @return page {@code index} rendered at {@code zoom} (clamped to {@link #MIN_ZOOM}..{@link #MAX_ZOOM}) */
    public synchronized BufferedImage render(int index, double zoom) throws IOException {
        return renderer.renderImage(index, (float) clamp(zoom), ImageType.RGB);
    }

    /** @return {@code zoom} limited to what the viewer offers */
    public static double clamp(double zoom) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
    }

    @Override
    public synchronized void close() throws IOException {
        document.close();
    }
}
