package io.arcnode.workbench.internal.edp;

import io.arcnode.workbench.edp.api.DrawingPages;
import io.arcnode.workbench.edp.api.EdpArtifact;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Locale;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The drawing viewer: a PDF of the package rendered page by page (PDFBox, in a job), with previous / next page,
 * zoom in / out (also Ctrl + mouse wheel), fit, and pan by dragging or with the scroll bars.
 */
public class DrawingPart {

    /** Part id in the application model. */
    public static final String ID = "io.arcnode.workbench.part.drawing";
    /** Widget data key: {@code drawing.page} on the page label, {@code drawing.canvas} on the canvas. */
    public static final String ROLE_KEY = "arcnode.role";

    @Inject
    private UISynchronize sync;

    private Label title;
    private Label page;
    private ScrolledComposite scroll;
    private Canvas canvas;
    private Image image;
    private volatile DrawingPages pdf;
    private int index;
    private double zoom = 1;
    private boolean fitted = true;
    private Point dragFrom;
    /** Counts the renders asked for; only the newest one's image is shown (zoom, page and resize come quickly). */
    private int generation;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(8, false));
        title = new Label(parent, SWT.NONE);
        title.setText("Open a drawing (.pdf) in the EDP navigator");
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        button(parent, "< Page", () -> page(index - 1));
        button(parent, "Page >", () -> page(index + 1));
        page = new Label(parent, SWT.NONE);
        page.setData(ROLE_KEY, "drawing.page");
        page.setLayoutData(new GridData(160, SWT.DEFAULT));
        button(parent, "Zoom -", () -> zoom(zoom / 1.25));
        button(parent, "Zoom +", () -> zoom(zoom * 1.25));
        button(parent, "Fit", this::fit);
        button(parent, "100%", () -> zoom(1));
        scroll = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 8, 1));
        canvas = new Canvas(scroll, SWT.DOUBLE_BUFFERED);
        canvas.setData(ROLE_KEY, "drawing.canvas");
        scroll.setContent(canvas);
        canvas.addListener(SWT.Paint, e -> {
            if (image != null && !image.isDisposed()) {
                e.gc.drawImage(image, 0, 0);
            }
        });
        canvas.addListener(SWT.MouseDown, e -> dragFrom = canvas.toDisplay(e.x, e.y));
        canvas.addListener(SWT.MouseUp, e -> dragFrom = null);
        canvas.addListener(SWT.MouseMove, e -> {
            if (dragFrom != null) {
                Point now = canvas.toDisplay(e.x, e.y);
                Point o = scroll.getOrigin();
                scroll.setOrigin(o.x - (now.x - dragFrom.x), o.y - (now.y - dragFrom.y));
                dragFrom = now;
            }
        });
        canvas.addListener(SWT.MouseVerticalWheel, e -> {
            if ((e.stateMask & SWT.MOD1) != 0) {
                zoom(e.count > 0 ? zoom * 1.25 : zoom / 1.25);
            }
        });
        scroll.addListener(SWT.Resize, e -> {
            if (fitted && pdf != null) {
                fit();
            }
        });
        status();
    }

    private static void button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
    }

    /** Shows a PDF of the package, fitted to the view. */
    @Inject
    @Optional
    public void show(@UIEventTopic(EdpEvents.SHOW_DRAWING) EdpArtifact drawing) {
        if (canvas == null || canvas.isDisposed()) {
            return;
        }
        close();
        try {
            pdf = DrawingPages.open(drawing.file());
        } catch (IOException e) {
            ILog.of(getClass()).error("Cannot show the drawing: " + e.getMessage(), e);
            MessageDialog.openError(canvas.getShell(), "Cannot show the drawing", e.getMessage());
            return;
        }
        title.setText(drawing.name());
        index = 0;
        fit();
    }

    private void page(int i) {
        if (pdf != null && i >= 0 && i < pdf.pages()) {
            index = i;
            if (fitted) {
                fit();
            } else {
                render();
            }
        }
    }

    private void fit() {
        if (pdf == null) {
            return;
        }
        Rectangle area = scroll.getClientArea();
        fitted = true;
        zoom = pdf.fit(index, Math.max(area.width - 4, 50), Math.max(area.height - 4, 50));
        render();
    }

    private void zoom(double z) {
        if (pdf == null) {
            return;
        }
        fitted = false;
        zoom = DrawingPages.clamp(z);
        render();
    }

    private void render() {
        DrawingPages doc = pdf;
        int at = index;
        double z = zoom;
        int gen = ++generation;
        status();
        Job job = Job.create("Rendering page " + (at + 1) + " of " + doc.file().getFileName(), monitor -> {
            try {
                BufferedImage rendered = doc.render(at, z);
                org.eclipse.swt.graphics.ImageData data = SwtImages.toSwt(rendered);
                sync.asyncExec(() -> {
                    if (canvas.isDisposed() || doc != pdf || gen != generation) {
                        return; // another drawing, page or zoom was asked for meanwhile
                    }
                    if (image != null) {
                        image.dispose();
                    }
                    image = new Image(canvas.getDisplay(), data);
                    canvas.setSize(data.width, data.height);
                    canvas.setData("arcnode.image.size", data.width + "x" + data.height);
                    canvas.redraw();
                });
            } catch (IOException | RuntimeException e) {
                if (doc != pdf) {
                    return Status.OK_STATUS; // closed while rendering: another drawing was opened
                }
                ILog.of(DrawingPart.class).error("Cannot render " + doc.file() + " page " + (at + 1) + ": "
                        + e.getMessage(), e);
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private void status() {
        page.setText(pdf == null ? "" : String.format(Locale.ROOT, "page %d of %d, %.0f%%", index + 1, pdf.pages(),
                zoom * 100));
    }

    private void close() {
        if (pdf != null) {
            try {
                pdf.close();
            } catch (IOException e) {
                ILog.of(getClass()).warn("closing " + pdf.file() + ": " + e.getMessage(), e);
            }
            pdf = null;
        }
    }

    @PreDestroy
    public void dispose() {
        close();
        if (image != null) {
            image.dispose();
        }
    }
}
