package io.arcnode.http.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthRollup;
import io.arcnode.api.health.HealthStatus;

/**
 * Pure logic behind {@code /health}, {@code /health/ready} and {@code /health/live}: the roll-up of spec 004
 * (HEALTHY / DEGRADED / UNHEALTHY) and the HTTP status each endpoint answers with.
 */
final class HealthReport {

    private final List<ComponentHealth> components;
    private final HealthStatus overall;

    HealthReport(Collection<ComponentHealth> components) {
        List<ComponentHealth> sorted = new ArrayList<>(components);
        sorted.sort(Comparator.comparing(ComponentHealth::component));
        this.components = List.copyOf(sorted);
        this.overall = HealthRollup.rollup(this.components);
    }

    HealthStatus overall() {
        return overall;
    }

    /** Ready: every critical component can do its work; a degraded non-critical part does not block traffic. */
    boolean ready() {
        return overall == HealthStatus.HEALTHY || overall == HealthStatus.DEGRADED;
    }

    int readyStatusCode() {
        return ready() ? 200 : 503;
    }

    ObjectNode fullBody() {
        ObjectNode root = ArcnodeJson.mapper().createObjectNode();
        root.put("status", overall.name());
        var list = root.putArray("components");
        for (ComponentHealth c : components) {
            ObjectNode item = list.addObject();
            item.put("component", c.component());
            item.put("status", c.status().name());
            item.put("critical", c.critical());
            item.put("detail", c.detail());
        }
        return root;
    }

    ObjectNode readyBody() {
        ObjectNode root = ArcnodeJson.mapper().createObjectNode();
        root.put("status", ready() ? "READY" : "NOT_READY");
        root.put("health", overall.name());
        return root;
    }
}
