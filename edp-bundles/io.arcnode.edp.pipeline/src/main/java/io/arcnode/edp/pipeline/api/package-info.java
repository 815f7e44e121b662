/**
 * EDP pipeline: {@link io.arcnode.edp.pipeline.api.ArtifactPlan} (the artifact URLs of a package, a pure function
 * known at POST time) and {@link io.arcnode.edp.pipeline.api.ArtifactStore} (where artifacts are written, keys
 * {@code edp/{deployment_id}/{artifact_name}.{ext}}).
 */
package io.arcnode.edp.pipeline.api;
