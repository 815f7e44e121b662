package io.arcnode.edp.pipeline.api;

import io.arcnode.api.edp.ArtifactRef;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.hardware.api.HardwareSelection;
import java.util.List;
import java.util.Objects;

/**
 * Everything that is known about a package before any file is written: the validated payload, its module
 * resolution, the hardware selection of its profile and the ordered artifact list (the URLs of the 202 answer).
 */
public record EdpPlan(ConfiguratorPayload payload, ModuleResolution resolution, HardwareSelection selection,
        List<ArtifactRef> artifacts) {

    public EdpPlan {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(selection, "selection");
        artifacts = List.copyOf(artifacts);
    }
}
