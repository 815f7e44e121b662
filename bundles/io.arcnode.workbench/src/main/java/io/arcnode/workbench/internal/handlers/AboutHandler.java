package io.arcnode.workbench.internal.handlers;

import io.arcnode.workbench.internal.AboutText;
import io.arcnode.workbench.internal.InstalledFeatures;
import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;

/** Help > About ArcNode: product name, this bundle's version, the installed features. */
public class AboutHandler {

    public static final String DIALOG_TITLE = "About ArcNode";

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        String version = FrameworkUtil.getBundle(getClass()).getVersion().toString();
        MessageDialog.openInformation(shell, DIALOG_TITLE, AboutText.of(version,
                InstalledFeatures.in(installArea())));
    }

    /** @return the product's install area ({@code osgi.install.area}), the working folder when unknown */
    static java.nio.file.Path installArea() {
        String area = System.getProperty("osgi.install.area");
        try {
            return area == null ? java.nio.file.Path.of(".") : java.nio.file.Path.of(new java.net.URL(area).toURI());
        } catch (java.net.MalformedURLException | java.net.URISyntaxException | IllegalArgumentException e) {
            return java.nio.file.Path.of(area.replaceFirst("^file:", ""));
        }
    }
}
