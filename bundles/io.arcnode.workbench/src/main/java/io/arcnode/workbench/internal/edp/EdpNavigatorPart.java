package io.arcnode.workbench.internal.edp;

import io.arcnode.api.edp.ArtifactKind;
import io.arcnode.workbench.edp.api.EdpArtifact;
import io.arcnode.workbench.edp.api.EdpPackages;
import io.arcnode.workbench.edp.api.EdpRevision;
import io.arcnode.workbench.internal.orders.OrderEvents;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The EDP navigator of the open order: its revisions, in each the ten artifact kinds with their formats, in each kind
 * its files. Opening a BOM or schedule JSON shows it in the document table, the DTM in the DTM viewer, a PDF drawing
 * in the drawing viewer, a 3D model (.glb, .step) in the model viewer; any other file (DXF, XLSX) opens in the
 * desktop's application for its type.
 */
public class EdpNavigatorPart {

    /** Part id in the application model. */
    public static final String ID = "io.arcnode.workbench.part.edpnavigator";

    /** A kind inside a revision. */
    record KindNode(EdpRevision revision, ArtifactKind kind, List<EdpArtifact> files) {
        @Override
        public String toString() {
            return kind.json() + " (" + files.stream().map(EdpArtifact::format).distinct()
                    .collect(Collectors.joining(", ")) + ")";
        }
    }

    @Inject
    private IEventBroker events;

    private TreeViewer viewer;
    private Label order;
    private Path orderFile;
    private EPartService parts;

    @PostConstruct
    public void createControls(Composite parent, EPartService partService) {
        this.parts = partService;
        parent.setLayout(new GridLayout(1, false));
        order = new Label(parent, SWT.NONE);
        order.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        order.setText("No order open");
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        viewer.getTree().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.setContentProvider(new Content());
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object e) {
                if (e instanceof EdpRevision r) {
                    return r.label() + " (" + r.deploymentId() + ", " + r.artifacts().size() + " files)";
                }
                if (e instanceof EdpArtifact a) {
                    return a.name() + " (" + a.bytes() + " bytes)";
                }
                return String.valueOf(e);
            }
        });
        viewer.addOpenListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (first instanceof EdpArtifact a) {
                open(a);
            }
        });
        viewer.setInput(List.of());
        // created when the perspective is first shown: the order open in the editor until then
        var editor = io.arcnode.workbench.internal.orders.OrderHandlers.openEditor(parts);
        if (editor != null) {
            show(editor.file());
        }
    }

    private void open(EdpArtifact a) {
        boolean table = "json".equals(a.format())
                && (a.kind() == ArtifactKind.BOM || a.kind() == ArtifactKind.CABLE_HOSE_SCHEDULE);
        if (table) {
            parts.showPart(DocumentTablePart.ID, EPartService.PartState.ACTIVATE);
            events.send(EdpEvents.SHOW, a);
        } else if (a.kind() == ArtifactKind.DTM) {
            events.send(EdpEvents.SHOW_DTM, a);
        } else if ("pdf".equals(a.format())) {
            parts.showPart(DrawingPart.ID, EPartService.PartState.ACTIVATE); // created before it is told
            events.send(EdpEvents.SHOW_DRAWING, a);
        } else if ("glb".equals(a.format()) || "step".equals(a.format())) {
            parts.showPart(ModelPart.ID, EPartService.PartState.ACTIVATE);
            events.send(EdpEvents.SHOW_MODEL, a);
        } else {
            Program.launch(a.file().toString());
        }
    }

    /** Shows the packages of the order just opened in the order editor. */
    @Inject
    @Optional
    public void orderOpened(@UIEventTopic(OrderEvents.OPEN) Path file) {
        show(file);
    }

    /** Shows the packages again after a generation. */
    @Inject
    @Optional
    public void packagesChanged(@UIEventTopic(EdpEvents.CHANGED) Path file) {
        show(file);
    }

    private void show(Path file) {
        if (viewer == null || viewer.getTree().isDisposed() || file == null) {
            return;
        }
        orderFile = file;
        EdpPackages packages = new EdpPackages(file);
        List<EdpRevision> revisions = packages.revisions();
        order.setText(file.getFileName() + ": " + (revisions.isEmpty() ? "no EDP yet (Orders > Generate EDP)"
                : revisions.size() + " revision(s) in " + packages.folder()));
        viewer.setInput(revisions);
        if (!revisions.isEmpty()) {
            viewer.expandToLevel(revisions.get(revisions.size() - 1), 1);
        }
    }

    /** @return the order whose packages are shown */
    public Path orderFile() {
        return orderFile;
    }

    private static final class Content extends ListTreeContent {
        @Override
        public Object[] getChildren(Object parent) {
            if (parent instanceof EdpRevision r) {
                List<KindNode> kinds = new ArrayList<>();
                for (ArtifactKind k : ArtifactKind.values()) {
                    List<EdpArtifact> files = r.of(k);
                    if (!files.isEmpty()) {
                        kinds.add(new KindNode(r, k, files));
                    }
                }
                return kinds.toArray();
            }
            if (parent instanceof KindNode k) {
                return k.files().toArray();
            }
            return new Object[0];
        }
    }
}
