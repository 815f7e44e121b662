package io.arcnode.workbench.internal.commissioning;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

/** Commissioning > Reload Topology (F5 in the perspective's menu): reads the gateway's topology again. */
public class ReloadTopologyHandler {

    @CanExecute
    public boolean canExecute(@Optional CommissioningSession session) {
        return session != null && session.connection() != null;
    }

    @Execute
    public void execute(CommissioningSession session) {
        session.reloadTopology();
    }
}
