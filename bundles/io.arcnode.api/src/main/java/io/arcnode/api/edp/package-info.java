/**
 * The Engineering Delivery Package (EDP) contract of spec 002: the enums of {@code shared/enums.py},
 * the {@link io.arcnode.api.edp.ConfiguratorPayload} the platform posts, the
 * {@link io.arcnode.api.edp.ModuleResolution} derived from it, the job records
 * ({@link io.arcnode.api.edp.JobCreated}, {@link io.arcnode.api.edp.JobResult},
 * {@link io.arcnode.api.edp.ArtifactRef}) and the validating parsers
 * {@link io.arcnode.api.edp.ConfiguratorPayloads} and {@link io.arcnode.api.edp.EdpMessages}.
 * JSON field names are snake_case exactly as in the Python schemas.
 */
package io.arcnode.api.edp;
