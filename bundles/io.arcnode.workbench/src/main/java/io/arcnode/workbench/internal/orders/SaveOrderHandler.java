package io.arcnode.workbench.internal.orders;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** File > Save (M1+S): writes the open order to its file. */
public class SaveOrderHandler extends OpenOrderHandler {

    @Execute
    public void execute(EPartService parts) {
        OrderEditorPart e = OrderHandlers.openEditor(parts);
        if (e != null) {
            e.save();
        }
    }
}
