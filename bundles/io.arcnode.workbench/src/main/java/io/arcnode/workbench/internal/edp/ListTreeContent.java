package io.arcnode.workbench.internal.edp;

import java.util.List;
import org.eclipse.jface.viewers.ITreeContentProvider;

/** A tree whose input is the list of its top-level nodes; children come from {@link #getChildren}. */
abstract class ListTreeContent implements ITreeContentProvider {

    @Override
    public Object[] getElements(Object input) {
        return ((List<?>) input).toArray();
    }

    @Override
    public Object getParent(Object element) {
        return null; // not needed: the viewers never reveal a node by its path
    }

    @Override
    public boolean hasChildren(Object element) {
        return getChildren(element).length > 0;
    }
}
