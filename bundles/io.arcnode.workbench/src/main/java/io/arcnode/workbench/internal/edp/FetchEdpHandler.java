package io.arcnode.workbench.internal.edp;

import io.arcnode.workbench.edp.api.EdpPackages;
import io.arcnode.workbench.internal.WorkbenchSettings;
import io.arcnode.workbench.internal.orders.OpenOrderHandler;
import jakarta.inject.Named;
import java.net.URI;
import java.time.Duration;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Shell;

/**
 * Orders > Fetch EDP from Platform: the open order's package as the platform generated it, fetched from the
 * platform's artifact store ({@code GET <platform>/artifacts/edp/<deployment_id>/...}) into a new revision beside
 * the order, in the same layout as an offline generation; a job, cancelable, all or nothing. Offline, or when the
 * platform has not generated the package, a dialog says so and nothing changes.
 */
public class FetchEdpHandler extends OpenOrderHandler {

    /** Dialog title of a failed fetch. */
    public static final String FAILED = "EDP fetch failed";

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, EPartService parts, UISynchronize ui,
            IEventBroker events, EModelService models, MApplication app) {
        GenerateEdpHandler.SavedOrder order = GenerateEdpHandler.savedValidOrder(parts, shell, FAILED, "fetching");
        if (order == null) {
            return;
        }
        URI platform = WorkbenchSettings.platformUrl();
        EdpPackages packages = new EdpPackages(order.file());
        GenerateEdpHandler.schedule("Fetching the EDP of " + order.file().getFileName() + " from " + platform, FAILED,
                order.file(), shell, parts, ui, events, models, app,
                progress -> packages.fetch(platform, order.payload(), Duration.ofSeconds(10), progress));
    }
}
