package io.arcnode.workbench.internal.orders;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** A handler that works on the order open in the editor: enabled only while one is open. */
public abstract class OpenOrderHandler {

    @CanExecute
    public boolean canExecute(EPartService parts) {
        return OrderHandlers.openEditor(parts) != null;
    }
}
