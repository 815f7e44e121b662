package io.arcnode.workbench.internal.orders;

import io.arcnode.workbench.orders.api.OrderFileException;
import io.arcnode.workbench.orders.api.OrderWorkspace;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** The orders of the workspace folder; double-click (or Enter) opens one in the order editor. */
public class OrdersPart {

    /** Part id in the application model. */
    public static final String ID = "io.arcnode.workbench.part.orders";

    @Inject
    private OrderWorkspace workspace;
    @Inject
    private IEventBroker events;

    private TableViewer viewer;
    private Label folder;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        folder = new Label(parent, SWT.NONE);
        folder.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        folder.setText(workspace.folder().toString());
        folder.setToolTipText("workspace folder (Preferences)");
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.BORDER);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return ((OrderWorkspace.Order) element).name();
            }
        });
        viewer.addOpenListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (first instanceof OrderWorkspace.Order o) {
                events.send(OrderEvents.OPEN, o.path());
            }
        });
        refresh();
    }

    /** Reads the folder again after a create or save. */
    @Inject
    @Optional
    public void changed(@UIEventTopic(OrderEvents.CHANGED) Path folder) {
        if (viewer != null && !viewer.getTable().isDisposed()) {
            this.folder.setText(workspace.folder().toString()); // the Preferences may have chosen another folder
            refresh();
        }
    }

    private void refresh() {
        try {
            viewer.setInput(workspace.list());
        } catch (OrderFileException e) {
            OrderDialogs.error(viewer.getTable().getShell(), "Cannot list the orders", e);
        }
    }
}
