package io.arcnode.workbench.internal.orders;

import io.arcnode.workbench.orders.api.OrderWorkspace;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

/** The dialogs of the order handlers: errors (also written to the workbench log, never swallowed), names. */
final class OrderDialogs {

    private OrderDialogs() {
    }

    /** Shows {@code e}'s message and logs it with its stack. */
    static void error(Shell shell, String title, RuntimeException e) {
        ILog.of(OrderDialogs.class).error(title + ": " + e.getMessage(), e);
        MessageDialog.openError(shell, title, e.getMessage());
    }

    /** @return a new order name the workspace accepts and does not have yet, null when cancelled */
    static String askName(Shell shell, OrderWorkspace workspace, String title, String initial) {
        IInputValidator valid = text -> {
            try {
                return java.nio.file.Files.exists(workspace.pathOf(text)) ? "an order named '" + text + "' exists"
                        : null;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        };
        InputDialog dialog = new InputDialog(shell, title, "Order name:", initial, valid);
        return dialog.open() == Window.OK ? dialog.getValue() : null;
    }
}
