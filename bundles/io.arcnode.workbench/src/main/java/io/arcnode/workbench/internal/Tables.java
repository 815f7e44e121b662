package io.arcnode.workbench.internal;

import java.util.Objects;
import java.util.function.Function;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;

/** The table viewers of the parts: full-row selection, header, lines, one text per column. */
public final class Tables {

    /** Widget data key of a table's role (the UI tests find tables by it). */
    public static final String ROLE_KEY = "arcnode.role";

    private Tables() {
    }

    /** @return a viewer filling its grid cell, with an array content provider and {@code role} as its data */
    public static TableViewer create(Composite parent, int style, String role) {
        TableViewer viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL
                | style);
        Table t = viewer.getTable();
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        t.setData(ROLE_KEY, role);
        t.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.setContentProvider(org.eclipse.jface.viewers.ArrayContentProvider.getInstance());
        return viewer;
    }

    /** Adds a column showing {@code text} of each element. */
    @SuppressWarnings("unchecked")
    public static <T> TableViewerColumn column(TableViewer viewer, String title, int width, Function<T, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((T) element);
            }
        });
        return c;
    }

    /**
     * @return a comparer that takes two elements of {@code type} for the same when their {@code key} is equal, so
     *         a viewer keeps the selection of an element across refreshes with new records
     */
    public static <T> IElementComparer comparer(Class<T> type, Function<T, Object> key) {
        return new IElementComparer() {
            @Override
            public boolean equals(Object a, Object b) {
                return type.isInstance(a) && type.isInstance(b) ? Objects.equals(key.apply(type.cast(a)),
                        key.apply(type.cast(b))) : Objects.equals(a, b);
            }

            @Override
            public int hashCode(Object element) {
                return type.isInstance(element) ? Objects.hashCode(key.apply(type.cast(element)))
                        : Objects.hashCode(element);
            }
        };
    }
}
