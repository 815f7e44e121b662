package io.arcnode.workbench.internal.edp;

import io.arcnode.workbench.edp.api.DtmTree;
import io.arcnode.workbench.edp.api.EdpArtifact;
import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.Map;
import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import jakarta.inject.Inject;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;

/**
 * A revision's {@code dtm.json} as a tree (modules, devices, protocol configuration, point maps) beside a property
 * table of the selected node.
 */
public class DtmPart {

    /** Part id in the application model. */
    public static final String ID = "io.arcnode.workbench.part.dtm";

    private TreeViewer tree;
    private TableViewer properties;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        tree = new TreeViewer(sash, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        tree.setContentProvider(new Content());
        tree.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object e) {
                return ((DtmTree) e).label();
            }
        });
        properties = new TableViewer(sash, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.BORDER);
        properties.getTable().setHeaderVisible(true);
        properties.getTable().setLinesVisible(true);
        properties.setContentProvider(ArrayContentProvider.getInstance());
        column("Property", 180, 0);
        column("Value", 420, 1);
        sash.setWeights(55, 45);
        tree.addSelectionChangedListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            properties.setInput(first instanceof DtmTree t ? List.copyOf(t.properties().entrySet()) : List.of());
        });
        tree.setInput(List.of());
    }

    private void column(String title, int width, int index) {
        TableViewerColumn c = new TableViewerColumn(properties, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) element;
                return String.valueOf(index == 0 ? e.getKey() : e.getValue());
            }
        });
    }

    /** Shows a revision's dtm.json. */
    @Inject
    @Optional
    public void show(@UIEventTopic(EdpEvents.SHOW_DTM) EdpArtifact dtm) {
        if (tree == null || tree.getTree().isDisposed() || dtm == null) {
            return;
        }
        try {
            DtmTree root = DtmTree.read(dtm.file());
            tree.setInput(List.of(root));
            tree.expandToLevel(2);
            properties.setInput(List.copyOf(root.properties().entrySet()));
        } catch (RuntimeException e) {
            ILog.of(DtmPart.class).error("cannot show " + dtm.file() + ": " + e.getMessage(), e);
            MessageDialog.openError(tree.getTree().getShell(), "Cannot show the DTM", e.getMessage());
        }
    }

    private static final class Content extends ListTreeContent {
        @Override
        public Object[] getChildren(Object parent) {
            return ((DtmTree) parent).children().toArray();
        }
    }
}
