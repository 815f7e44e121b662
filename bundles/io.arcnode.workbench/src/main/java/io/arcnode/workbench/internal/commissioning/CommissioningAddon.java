package io.arcnode.workbench.internal.commissioning;

import io.arcnode.workbench.commissioning.api.GatewayConnections;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.osgi.framework.FrameworkUtil;

/**
 * Puts the {@link CommissioningSession} into the application context. The gateway connections live in the
 * workbench's state location ({@code <instance area>/.metadata/.plugins/io.arcnode.workbench/gateways/}), the
 * passwords there in the owner-only {@code credentials.json}.
 */
public class CommissioningAddon {

    private CommissioningSession session;

    @PostConstruct
    public void init(IEclipseContext context, IEventBroker broker, UISynchronize sync) {
        java.nio.file.Path folder = Platform.getStateLocation(FrameworkUtil.getBundle(getClass())).toPath()
                .resolve("gateways");
        session = new CommissioningSession(new GatewayConnections(folder), broker, sync);
        context.set(CommissioningSession.class, session);
    }

    @PreDestroy
    public void close() {
        session.close();
    }
}
