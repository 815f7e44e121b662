package io.arcnode.workbench.internal.edp;

import io.arcnode.workbench.edp.api.EdpArtifact;
import io.arcnode.workbench.edp.api.ModelFacts;
import io.arcnode.workbench.edp.api.ModelPreview;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.List;

/**
 * A 3D model of the package (.glb or .step): its facts read from the file (parts, faces, vertices, dimensions,
 * bounding box) and an orthographic preview (top, front, side), drawn in a job at the size of the view.
 */
public class ModelPart {

    /** Part id in the application model. */
    public static final String ID = "io.arcnode.workbench.part.model";
    /** Widget data key: {@code model.facts} on the facts list, {@code model.preview} on the canvas. */
    public static final String ROLE_KEY = "arcnode.role";

    @Inject
    private UISynchronize sync;

    private List facts;
    private Canvas canvas;
    private Image image;
    private Path model;
    /** Counts the previews asked for; only the newest one is shown (resizes come quickly). */
    private int generation;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        facts = new List(sash, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        facts.setData(ROLE_KEY, "model.facts");
        facts.add("Open a 3D model (.glb or .step) in the EDP navigator");
        canvas = new Canvas(sash, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        canvas.setData(ROLE_KEY, "model.preview");
        canvas.addListener(SWT.Paint, e -> {
            if (image != null && !image.isDisposed()) {
                e.gc.drawImage(image, 0, 0);
            }
        });
        canvas.addListener(SWT.Resize, e -> preview());
        sash.setWeights(35, 65);
    }

    /** Shows a model's facts and preview. */
    @Inject
    @Optional
    public void show(@UIEventTopic(EdpEvents.SHOW_MODEL) EdpArtifact artifact) {
        if (facts == null || facts.isDisposed()) {
            return;
        }
        facts.removeAll();
        model = artifact.file();
        try {
            ModelFacts f = ModelFacts.read(model);
            facts.add(artifact.name() + " (" + artifact.bytes() + " bytes)");
            f.describe().forEach(facts::add);
        } catch (IOException | RuntimeException e) {
            ILog.of(getClass()).error("Cannot read the model: " + e.getMessage(), e);
            MessageDialog.openError(facts.getShell(), "Cannot read the model", e.getMessage());
            model = null;
            return;
        }
        preview();
    }

    private void preview() {
        Path file = model;
        Rectangle r = canvas.getClientArea();
        if (file == null || r.width < 30 || r.height < 30) {
            return;
        }
        int gen = ++generation;
        Job job = Job.create("Drawing the preview of " + file.getFileName(), monitor -> {
            try {
                ImageData data = SwtImages.toSwt(ModelPreview.render(file, r.width, r.height));
                sync.asyncExec(() -> {
                    if (canvas.isDisposed() || file != model || gen != generation) {
                        return;
                    }
                    if (image != null) {
                        image.dispose();
                    }
                    image = new Image(canvas.getDisplay(), data);
                    canvas.setData("arcnode.image.size", data.width + "x" + data.height);
                    canvas.redraw();
                });
            } catch (IOException | RuntimeException e) {
                sync.asyncExec(() -> {
                    if (!facts.isDisposed()) {
                        facts.add("Preview: " + e.getMessage());
                    }
                });
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    @PreDestroy
    public void dispose() {
        if (image != null) {
            image.dispose();
        }
    }
}
