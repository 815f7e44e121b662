package io.arcnode.workbench.internal.edp;

import java.awt.image.BufferedImage;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

/** AWT images (PDFBox pages, JFreeChart charts, model previews) as SWT image data. */
public final class SwtImages {

    private SwtImages() {
    }

    /** @return {@code image}'s pixels as 24-bit direct-palette SWT image data (alpha dropped) */
    public static ImageData toSwt(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        ImageData data = new ImageData(w, h, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                row[x] &= 0xFFFFFF;
            }
            data.setPixels(0, y, w, row, 0);
        }
        return data;
    }
}
