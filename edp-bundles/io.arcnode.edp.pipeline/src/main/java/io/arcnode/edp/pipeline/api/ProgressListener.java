package io.arcnode.edp.pipeline.api;

import io.arcnode.api.edp.ArtifactRef;

/** Told about every artifact right after it was written (CLI progress, benchmarks, job logs). */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores everything. */
    ProgressListener NONE = (ref, index, total, bytes) -> { };

    /**
     * @param ref   the artifact just written
     * @param index its 1-based position in the plan
     * @param total the number of artifacts of the package
     * @param bytes its size
     */
    void written(ArtifactRef ref, int index, int total, int bytes);
}
