package io.arcnode.http.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthContributor;
import io.arcnode.api.health.HealthStatus;

/** Collects the health of every registered {@link HealthContributor}; the health and metrics servlets read it. */
@Component(service = HealthAggregator.class)
public final class HealthAggregator {

    private static final Logger LOG = LoggerFactory.getLogger(HealthAggregator.class);

    private final List<HealthContributor> contributors = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContributor(HealthContributor contributor) {
        contributors.add(contributor);
    }

    void removeContributor(HealthContributor contributor) {
        contributors.remove(contributor);
    }

    HealthReport report() {
        List<ComponentHealth> all = new ArrayList<>();
        for (HealthContributor c : contributors) {
            try {
                all.add(c.health());
            } catch (RuntimeException e) {
                // a contributor that cannot even report is a failed component, not a failed endpoint
                LOG.warn("health contributor {} failed to report: {}", c.getClass().getName(), e.toString());
                all.add(new ComponentHealth(c.getClass().getName(), HealthStatus.FAILED, e.toString(), true));
            }
        }
        return new HealthReport(all);
    }
}
