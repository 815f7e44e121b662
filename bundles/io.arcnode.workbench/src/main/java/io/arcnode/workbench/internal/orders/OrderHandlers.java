package io.arcnode.workbench.internal.orders;

import io.arcnode.workbench.orders.api.OrderFileException;
import io.arcnode.workbench.orders.api.OrderForm;
import io.arcnode.workbench.orders.api.OrderWorkspace;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Shell;

/** What the order handlers share: finding the editor, opening a written order. */
public final class OrderHandlers {

    private OrderHandlers() {
    }

    /** @return the order editor, null before its part was created */
    static OrderEditorPart editor(EPartService parts) {
        MPart part = parts.findPart(OrderEditorPart.ID);
        return part != null && part.getObject() instanceof OrderEditorPart e ? e : null;
    }

    /** @return the editor with an open order, null when none is open */
    public static OrderEditorPart openEditor(EPartService parts) {
        OrderEditorPart e = editor(parts);
        return e != null && e.file() != null ? e : null;
    }

    /** Writes a new order named by the engineer; @return it, null when cancelled or failed */
    static OrderWorkspace.Order saveAsNew(Shell shell, OrderWorkspace workspace, IEventBroker events, String title,
            String initial, java.util.function.Function<String, OrderWorkspace.Order> write) {
        String name = OrderDialogs.askName(shell, workspace, title, initial);
        if (name == null) {
            return null;
        }
        try {
            OrderWorkspace.Order o = write.apply(name);
            events.send(OrderEvents.CHANGED, workspace.folder());
            return o;
        } catch (OrderFileException | IllegalArgumentException e) {
            OrderDialogs.error(shell, title, e instanceof OrderFileException f ? f : new OrderFileException(
                    workspace.folder(), e.getMessage(), e));
            return null;
        }
    }

    /** @return a form's violations as lines for a dialog */
    public static String problems(OrderForm.Check check) {
        StringBuilder b = new StringBuilder();
        check.violations().forEach(v -> b.append("\n- ").append(v.field().isEmpty() ? "" : v.field() + ": ")
                .append(v.message()));
        return b.toString();
    }
}
