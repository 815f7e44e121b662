package io.arcnode.workbench.internal.handlers;

import io.arcnode.workbench.internal.WorkbenchSettings;
import io.arcnode.workbench.internal.orders.OrderEvents;
import io.arcnode.workbench.orders.api.OrderFileException;
import io.arcnode.workbench.orders.api.OrderWorkspace;
import jakarta.inject.Named;
import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.prefs.BackingStoreException;

/** File > Preferences: stores the preferences; a new workspace folder is shown in the orders list at once. */
public class PreferencesHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, MApplication app, IEventBroker events) {
        PreferencesDialog d = new PreferencesDialog(shell);
        if (d.open() != Window.OK) {
            return;
        }
        try {
            WorkbenchSettings.save(d.platformUrl(), d.workspaceFolder(), d.refreshSeconds());
        } catch (BackingStoreException e) {
            ILog.of(PreferencesHandler.class).error("cannot store the preferences: " + e.getMessage(), e);
            MessageDialog.openError(shell, "Preferences not saved", e.getMessage());
            return;
        }
        IEclipseContext context = app.getContext();
        try {
            OrderWorkspace ws = new OrderWorkspace(WorkbenchSettings.workspaceFolder());
            context.set(OrderWorkspace.class, ws);
            events.send(OrderEvents.CHANGED, ws.folder());
        } catch (OrderFileException e) {
            ILog.of(PreferencesHandler.class).error(e.getMessage(), e);
            MessageDialog.openError(shell, "Workspace folder", e.getMessage());
        }
    }
}
