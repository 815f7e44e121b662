package io.arcnode.edp.pipeline.api;

import io.arcnode.api.ValidationException;
import io.arcnode.api.edp.ConfiguratorPayload;

/**
 * The EDP pipeline as an OSGi service. The bundle registers one that works offline (assemblies from the shipped
 * catalogue, no store, no network): the workbench generates and reviews packages with it on site. Implemented by
 * {@link EdpPipeline}.
 */
public interface EdpGenerator {

    /**
     * @throws ValidationException naming every field and rule the payload breaks
     */
    EdpPlan plan(ConfiguratorPayload payload);

    /**
     * Writes every artifact of the plan to {@code target} under {@code edp/{deployment_id}/{artifact_name}.{ext}}
     * (a folder store gives a local folder with the same layout as the bucket).
     *
     * @throws ArtifactStoreException naming the key of the first failed read or write
     */
    void run(EdpPlan plan, ArtifactStore target, ProgressListener listener) throws ArtifactStoreException;
}
