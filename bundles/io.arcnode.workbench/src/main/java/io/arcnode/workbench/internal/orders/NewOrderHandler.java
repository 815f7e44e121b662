package io.arcnode.workbench.internal.orders;

import io.arcnode.workbench.orders.api.OrderWorkspace;
import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

/** File > New Order (M1+N): a named order with a fresh deployment id, opened in the editor. */
public class NewOrderHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, OrderWorkspace workspace,
            IEventBroker events) {
        OrderWorkspace.Order o = OrderHandlers.saveAsNew(shell, workspace, events, "New order", "", workspace::create);
        if (o != null) {
            events.send(OrderEvents.OPEN, o.path());
        }
    }
}
