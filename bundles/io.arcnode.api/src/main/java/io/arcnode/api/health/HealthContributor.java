package io.arcnode.api.health;

/** Implemented by every component that reports its health. */
@FunctionalInterface
public interface HealthContributor { ComponentHealth health(); }
