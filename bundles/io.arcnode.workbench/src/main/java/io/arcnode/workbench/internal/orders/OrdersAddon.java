package io.arcnode.workbench.internal.orders;

import io.arcnode.workbench.internal.WorkbenchSettings;
import io.arcnode.workbench.orders.api.OrderWorkspace;
import jakarta.annotation.PostConstruct;
import java.lang.management.ManagementFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.osgi.service.event.Event;

/**
 * Puts the engineer's {@link OrderWorkspace} into the application context, for the parts and handlers. When the
 * first window is up it prints the time since the JVM started ({@code releng/bench/workbench.sh} reads it); with
 * {@code -Darcnode.bench.quit=true} the workbench then closes, so the benchmark can start it again. After the window
 * is up, a background job loads the EDP catalogue, so the first "Generate EDP" does not wait for it.
 */
public class OrdersAddon {

    /** The line the benchmark looks for, followed by milliseconds. */
    public static final String STARTED = "arcnode-workbench: first window after ms ";

    private IEclipseContext context;

    @PostConstruct
    public void init(IEclipseContext context) {
        this.context = context;
        context.set(OrderWorkspace.class, new OrderWorkspace(WorkbenchSettings.workspaceFolder()));
    }

    /** The application model is rendered and the window shown. */
    @jakarta.inject.Inject
    @Optional
    public void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event) {
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(STARTED + ms);
        // the EDP catalogue takes about 2 s to load: load it now, in the background, not on the first Generate EDP
        org.eclipse.core.runtime.jobs.Job preload = org.eclipse.core.runtime.jobs.Job.create(
                "Loading the EDP catalogue", monitor -> {
                    io.arcnode.workbench.edp.api.EdpPackages.pipeline();
                    return org.eclipse.core.runtime.Status.OK_STATUS;
                });
        preload.setSystem(true);
        preload.setPriority(org.eclipse.core.runtime.jobs.Job.DECORATE);
        preload.schedule();
        if (Boolean.getBoolean("arcnode.bench.quit")) {
            IWorkbench workbench = context.get(IWorkbench.class);
            if (workbench != null) {
                workbench.close();
            }
        }
    }
}
