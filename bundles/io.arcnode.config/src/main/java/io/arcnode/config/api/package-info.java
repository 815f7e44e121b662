/**
 * Public, read-only view of the ArcNode runtime configuration.
 *
 * <p>The merged and validated configuration is published in two ways:
 * <ul>
 *   <li>one OSGi ConfigAdmin configuration per top-level section, PID {@code io.arcnode.<section>}
 *       (see {@link io.arcnode.config.api.ArcnodeConfig#PID_PREFIX}), whose properties are the
 *       section's keys; secrets are never put into ConfigAdmin;</li>
 *   <li>an {@link io.arcnode.config.api.ArcnodeConfig} service, which additionally gives access to
 *       secrets from {@code secrets.env}.</li>
 * </ul>
 */
package io.arcnode.config.api;
