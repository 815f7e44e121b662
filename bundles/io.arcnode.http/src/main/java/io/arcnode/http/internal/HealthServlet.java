package io.arcnode.http.internal;

import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.arcnode.api.ArcnodeJson;
import io.arcnode.http.api.HttpErrors;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /health}, {@code /health/live}, {@code /health/ready} from the {@link HealthAggregator}. */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/health",
        "osgi.http.whiteboard.servlet.pattern=/health/*",
        "osgi.http.whiteboard.servlet.name=arcnode-health" })
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private final transient HealthAggregator health;

    @Activate
    public HealthServlet(@Reference HealthAggregator health) {
        this.health = health;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String sub = req.getPathInfo() == null ? "" : req.getPathInfo();
        switch (sub) {
            case "", "/" -> {
                HealthReport r = health.report();
                HttpErrors.write(resp, r.ready() ? 200 : 503, r.fullBody());
            }
            case "/ready" -> {
                HealthReport r = health.report();
                HttpErrors.write(resp, r.readyStatusCode(), r.readyBody());
            }
            case "/live" -> {
                ObjectNode body = ArcnodeJson.mapper().createObjectNode();
                body.put("status", "LIVE");
                HttpErrors.write(resp, 200, body);
            }
            default -> HttpErrors.write(resp, 404, "not found", "no health endpoint " + req.getRequestURI()
                    + "; use /health, /health/live or /health/ready");
        }
    }
}
