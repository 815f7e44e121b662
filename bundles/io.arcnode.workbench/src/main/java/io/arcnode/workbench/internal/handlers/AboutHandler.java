package io.arcnode.workbench.internal.handlers;

import io.arcnode.workbench.internal.AboutText;
import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;

/** Help > About ArcNode: product name and this bundle's version. */
public class AboutHandler {

    public static final String DIALOG_TITLE = "About ArcNode";

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        String version = FrameworkUtil.getBundle(getClass()).getVersion().toString();
        MessageDialog.openInformation(shell, DIALOG_TITLE, AboutText.of(version));
    }
}
