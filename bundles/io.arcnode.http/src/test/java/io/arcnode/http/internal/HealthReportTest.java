package io.arcnode.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthStatus;

class HealthReportTest {

    @Test
    void noComponentsIsHealthyAndReady() {
        HealthReport r = new HealthReport(List.of());
        assertEquals(HealthStatus.HEALTHY, r.overall());
        assertEquals(200, r.readyStatusCode());
        assertEquals("{\"status\":\"HEALTHY\",\"components\":[]}", r.fullBody().toString());
    }

    @Test
    void degradedNonCriticalStaysReady() {
        HealthReport r = new HealthReport(List.of(
                new ComponentHealth("config", HealthStatus.HEALTHY, "stage demo", true),
                new ComponentHealth("sink-s3", HealthStatus.FAILED, "endpoint refused", false)));
        assertEquals(HealthStatus.DEGRADED, r.overall());
        assertTrue(r.ready());
        assertEquals("READY", r.readyBody().get("status").asText());
    }

    @Test
    void failedCriticalIsNotReady() {
        HealthReport r = new HealthReport(List.of(
                new ComponentHealth("stream", HealthStatus.FAILED, "broker down", true)));
        assertEquals(HealthStatus.UNHEALTHY, r.overall());
        assertFalse(r.ready());
        assertEquals(503, r.readyStatusCode());
    }

    @Test
    void componentsAreListedSortedByName() {
        HealthReport r = new HealthReport(List.of(
                new ComponentHealth("zeta", HealthStatus.HEALTHY, "", false),
                new ComponentHealth("alpha", HealthStatus.DEGRADED, "slow", false)));
        var components = r.fullBody().get("components");
        assertEquals("alpha", components.get(0).get("component").asText());
        assertEquals("DEGRADED", components.get(0).get("status").asText());
        assertEquals("zeta", components.get(1).get("component").asText());
    }
}
