package io.arcnode.http.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the person who started the product where to look, once the HTTP runtime is up. */
@Component(service = EndpointAnnouncer.class, immediate = true)
public final class EndpointAnnouncer {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointAnnouncer.class);

    @Activate
    public EndpointAnnouncer(@Reference(service = HttpServiceRuntime.class) Map<String, Object> runtime) {
        // the service properties, not getRuntimeDTO(): Jetty re-registers the runtime when its port is configured
        String url = healthUrl(runtime.get("osgi.http.endpoint"));
        String product = System.getProperty("arcnode.product", "arcnode");
        LOG.info("{} serving HTTP; readiness at {}", product, url);
        System.out.println("ArcNode " + product + " is up: health at " + url);
    }

    /** {@code osgi.http.endpoint} is a String or String[] like {@code http://0.0.0.0:8080/}. */
    static String healthUrl(Object endpoint) {
        String first = endpoint instanceof String[] many && many.length > 0 ? many[0]
                : endpoint == null ? "http://localhost:8080/" : endpoint.toString();
        String url = first.replace("://0.0.0.0:", "://localhost:").replace("://[::]:", "://localhost:");
        return (url.endsWith("/") ? url : url + "/") + "health/ready";
    }
}
