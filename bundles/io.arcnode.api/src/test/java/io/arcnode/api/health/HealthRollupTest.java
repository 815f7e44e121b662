package io.arcnode.api.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.arcnode.api.ArcnodeJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthRollupTest {

    private static ComponentHealth c(HealthStatus s, boolean critical) {
        return new ComponentHealth("c", s, null, critical);
    }

    @Test
    void emptyIsHealthy() {
        assertEquals(HealthStatus.HEALTHY, HealthRollup.rollup(List.of()));
    }

    @Test
    void allHealthyIsHealthy() {
        assertEquals(HealthStatus.HEALTHY, HealthRollup.rollup(List.of(
                c(HealthStatus.HEALTHY, true), c(HealthStatus.HEALTHY, false))));
    }

    @Test
    void nonCriticalNotHealthyIsDegraded() {
        for (HealthStatus s : List.of(HealthStatus.DEGRADED, HealthStatus.UNHEALTHY, HealthStatus.FAILED)) {
            assertEquals(HealthStatus.DEGRADED, HealthRollup.rollup(List.of(
                    c(HealthStatus.HEALTHY, true), c(s, false))), s.name());
        }
    }

    @Test
    void criticalDegradedIsDegraded() {
        assertEquals(HealthStatus.DEGRADED, HealthRollup.rollup(List.of(c(HealthStatus.DEGRADED, true))));
    }

    @Test
    void criticalUnhealthyOrFailedIsUnhealthy() {
        assertEquals(HealthStatus.UNHEALTHY, HealthRollup.rollup(List.of(
                c(HealthStatus.DEGRADED, false), c(HealthStatus.UNHEALTHY, true))));
        assertEquals(HealthStatus.UNHEALTHY, HealthRollup.rollup(List.of(
                c(HealthStatus.FAILED, true), c(HealthStatus.HEALTHY, false))));
    }

    @Test
    void nullStatusCountsAsFailed() {
        assertEquals(HealthStatus.UNHEALTHY, HealthRollup.rollup(List.of(c(null, true))));
        assertEquals(HealthStatus.DEGRADED, HealthRollup.rollup(List.of(c(null, false))));
    }

    @Test
    void nullsRejected() {
        assertThrows(NullPointerException.class, () -> HealthRollup.rollup(null));
        List<ComponentHealth> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> HealthRollup.rollup(withNull));
    }

    @Test
    void contributorAndJsonShape() {
        HealthContributor hc = () -> new ComponentHealth("broker", HealthStatus.FAILED, "down", true);
        assertEquals("{\"component\":\"broker\",\"status\":\"FAILED\",\"detail\":\"down\",\"critical\":true}",
                ArcnodeJson.write(hc.health()));
    }
}
