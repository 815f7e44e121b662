package io.arcnode.api.health;

import java.util.Collection;
import java.util.Objects;

/**
 * Gateway status roll-up of spec 004:
 * <ul>
 *   <li>every component {@code HEALTHY} (or none at all) gives {@code HEALTHY};</li>
 *   <li>a critical component {@code UNHEALTHY} or {@code FAILED} gives {@code UNHEALTHY};</li>
 *   <li>otherwise any component not {@code HEALTHY} (a non-critical one in any bad state, or a critical
 *       one {@code DEGRADED}) gives {@code DEGRADED}.</li>
 * </ul>
 * A component with a {@code null} status is treated as {@code FAILED} (a contributor that cannot say
 * is not healthy). The roll-up never yields {@code FAILED}.
 */
public final class HealthRollup {

    private HealthRollup() {
    }

    /**
     * @param components component health reports; must not be {@code null} nor contain {@code null}
     * @return the gateway status
     */
    public static HealthStatus rollup(Collection<ComponentHealth> components) {
        Objects.requireNonNull(components, "components");
        HealthStatus result = HealthStatus.HEALTHY;
        for (ComponentHealth c : components) {
            Objects.requireNonNull(c, "component health");
            HealthStatus s = c.status() == null ? HealthStatus.FAILED : c.status();
            if (s == HealthStatus.HEALTHY) {
                continue;
            }
            if (c.critical() && (s == HealthStatus.UNHEALTHY || s == HealthStatus.FAILED)) {
                return HealthStatus.UNHEALTHY;
            }
            result = HealthStatus.DEGRADED;
        }
        return result;
    }
}
