package io.arcnode.workbench.internal.orders;

import io.arcnode.api.Violation;
import io.arcnode.workbench.internal.Tables;
import io.arcnode.workbench.orders.api.OrderForm;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/** The open order's problems: field, rule and message of every violation, as the platform would report them. */
public class ProblemsPart {

    /** Part id in the application model. */
    public static final String ID = "io.arcnode.workbench.part.problems";

    private TableViewer viewer;

    @PostConstruct
    public void createControls(Composite parent) {
        viewer = Tables.create(parent, SWT.SINGLE, "problems.table");
        Tables.<Violation>column(viewer, "Field", 180, v -> v.field().isEmpty() ? "(model rule)" : v.field());
        Tables.<Violation>column(viewer, "Rule", 220, Violation::rule);
        Tables.<Violation>column(viewer, "Message", 600, Violation::message);
        viewer.setInput(List.of());
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
