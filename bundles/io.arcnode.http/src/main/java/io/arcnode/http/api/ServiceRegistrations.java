package io.arcnode.http.api;

import jakarta.servlet.Servlet;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The services a component registers by hand (whiteboard servlets, health contributors), unregistered together when
 * it deactivates. Not thread-safe: used from a component's activate and deactivate.
 */
public final class ServiceRegistrations {

    private final BundleContext context;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    public ServiceRegistrations(BundleContext context) {
        this.context = context;
    }

    /** Registers a whiteboard servlet with its name and URL patterns. */
    public void servlet(String name, Servlet servlet, String... patterns) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.http.whiteboard.servlet.name", name);
        props.put("osgi.http.whiteboard.servlet.pattern", patterns);
        registrations.add(context.registerService(Servlet.class, servlet, props));
    }

    /** Registers a service without properties. */
    public <T> void service(Class<T> type, T service) {
        registrations.add(context.registerService(type, service, null));
    }

    /** Unregisters everything registered here; registrations the framework already removed are skipped. */
    public void unregisterAll() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException ignored) {
                // already unregistered by the framework
            }
        }
        registrations.clear();
    }
}
