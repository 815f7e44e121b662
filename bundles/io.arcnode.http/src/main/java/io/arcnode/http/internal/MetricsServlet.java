package io.arcnode.http.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /metrics} in the Prometheus text format: everything in the default {@link PrometheusRegistry}
 * (every ArcNode bundle registers there), plus the health of each component as {@code arcnode_component_health}.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/metrics",
        "osgi.http.whiteboard.servlet.name=arcnode-metrics" })
public final class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient HealthAggregator health;
    private transient GaugeWithCallback healthGauge;
    private transient GaugeWithCallback uptimeGauge;

    @Activate
    public MetricsServlet(@Reference HealthAggregator health) {
        this.health = health;
    }

    @Activate
    void activate() {
        long started = System.nanoTime();
        healthGauge = GaugeWithCallback.builder()
                .name("arcnode_component_health")
                .help("Component health: 0 HEALTHY, 1 DEGRADED, 2 UNHEALTHY, 3 FAILED")
                .labelNames("component")
                .callback(cb -> this.health.report().fullBody().get("components").forEach(
                        c -> cb.call(ordinal(c.get("status").asText()), c.get("component").asText())))
                .register();
        uptimeGauge = GaugeWithCallback.builder()
                .name("arcnode_uptime_seconds")
                .help("Seconds since the HTTP stack started")
                .callback(cb -> cb.call((System.nanoTime() - started) / 1e9))
                .register();
    }

    private static double ordinal(String status) {
        return io.arcnode.api.health.HealthStatus.valueOf(status).ordinal();
    }

    @Deactivate
    void deactivate() {
        PrometheusRegistry.defaultRegistry.unregister(healthGauge);
        PrometheusRegistry.defaultRegistry.unregister(uptimeGauge);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(200);
        resp.setContentType(PrometheusText.CONTENT_TYPE);
        resp.getOutputStream().write(
                PrometheusText.write(PrometheusRegistry.defaultRegistry.scrape()).getBytes(StandardCharsets.UTF_8));
    }
}
