package io.arcnode.api.health;

/** Health of a component or of the whole gateway. JSON: the upper-case constant names. */
public enum HealthStatus { HEALTHY, DEGRADED, UNHEALTHY, FAILED }
