package io.arcnode.workbench.internal.orders;

import io.arcnode.workbench.orders.api.OrderWorkspace;
import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Shell;

/** File > Duplicate: the saved open order under a new name with a new deployment id. */
public class DuplicateOrderHandler extends OpenOrderHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, EPartService parts,
            OrderWorkspace workspace, IEventBroker events) {
        OrderEditorPart e = OrderHandlers.openEditor(parts);
        if (e != null) {
            e.save();
            OrderWorkspace.Order o = OrderHandlers.saveAsNew(shell, workspace, events, "Duplicate order", "",
                    name -> workspace.duplicate(e.file(), name));
            if (o != null) {
                events.send(OrderEvents.OPEN, o.path());
            }
        }
    }
}
