package io.arcnode.workbench.internal.parts;

import io.arcnode.workbench.internal.NavigatorNodes;
import jakarta.annotation.PostConstruct;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/** The navigator: a tree of the engineer's orders, EDP packages and gateways (top-level placeholders for now). */
public class NavigatorPart {

    private TreeViewer viewer;

    @PostConstruct
    public void createControls(Composite parent) {
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.setContentProvider(new PlaceholderContentProvider());
        viewer.setLabelProvider(new LabelProvider());
        viewer.setInput(NavigatorNodes.TOP_LEVEL);
    }

    /** Top-level nodes only: no node has children yet. */
    private static final class PlaceholderContentProvider implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return ArrayContentProvider.getInstance().getElements(input);
        }

        @Override
        public Object[] getChildren(Object parent) {
            return new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return false;
        }
    }
}
