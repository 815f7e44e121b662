package io.arcnode.workbench.internal.orders;

import io.arcnode.workbench.orders.api.OrderWorkspace;
import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Shell;

/** File > Save As (M1+M2+S): the open form as a new order (same deployment id), which is then the open one. */
public class SaveOrderAsHandler extends OpenOrderHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, EPartService parts,
            OrderWorkspace workspace, IEventBroker events) {
        OrderEditorPart e = OrderHandlers.openEditor(parts);
        if (e != null) {
            OrderWorkspace.Order o = OrderHandlers.saveAsNew(shell, workspace, events, "Save order as", "",
                    name -> workspace.saveAs(e.form(), name));
            if (o != null) {
                e.savedAs(o.path()); // the editor now shows the new file, its form saved there
            }
        }
    }
}
