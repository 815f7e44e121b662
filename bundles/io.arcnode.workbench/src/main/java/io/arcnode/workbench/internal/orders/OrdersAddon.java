package io.arcnode.workbench.internal.orders;

import io.arcnode.workbench.internal.WorkbenchSettings;
import io.arcnode.workbench.orders.api.OrderWorkspace;
import jakarta.annotation.PostConstruct;
import org.eclipse.e4.core.contexts.IEclipseContext;

/** Puts the engineer's {@link OrderWorkspace} into the application context, for the parts and handlers. */
public class OrdersAddon {

    @PostConstruct
    public void init(IEclipseContext context) {
        context.set(OrderWorkspace.class, new OrderWorkspace(WorkbenchSettings.workspaceFolder()));
    }
}
