package io.arcnode.workbench.internal.orders;

import io.arcnode.api.Violation;
import io.arcnode.workbench.orders.api.OrderForm;
import jakarta.annotation.PostConstruct;
import org.eclipse.e4.core.di.annotations.Optional;
import jakarta.inject.Inject;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import java.util.List;
import java.util.function.Function;

/** The open order's problems: field, rule and message of every violation, as the platform would report them. */
public class ProblemsPart {

    /** Part id in the application model. */
    public static final String ID = "io.arcnode.workbench.part.problems";

    private TableViewer viewer;

    @PostConstruct
    public void createControls(Composite parent) {
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("Field", 180, v -> v.field().isEmpty() ? "(model rule)" : v.field());
        column("Rule", 220, Violation::rule);
        column("Message", 600, Violation::message);
        viewer.setInput(List.of());
    }

    private void column(String title, int width, Function<Violation, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Violation) element);
            }
        });
    }

    /** Shows the editor's latest check. */
    @Inject
    @Optional
    public void checked(@UIEventTopic(OrderEvents.CHECKED) OrderForm.Check check) {
        if (viewer != null && !viewer.getTable().isDisposed()) {
            viewer.setInput(check.violations());
        }
    }
}
