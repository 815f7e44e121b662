package io.arcnode.edp.drawing.api;

import java.util.Objects;

import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ModuleResolution;

/** The checks every drawing makes on its inputs before laying anything out. */
public final class DrawingInputs {

    private DrawingInputs() {
    }

    /**
     * Payload and resolution present, of the same deployment, with at least one compute container.
     *
     * @throws NullPointerException     if either is null
     * @throws IllegalArgumentException if they name different deployments or there is no compute container
     */
    public static void check(ConfiguratorPayload p, ModuleResolution r) {
        Objects.requireNonNull(p, "payload");
        Objects.requireNonNull(r, "resolution");
        if (!Objects.equals(p.deploymentId(), r.deploymentId())) {
            throw new IllegalArgumentException("payload and resolution are for different deployments: "
                    + p.deploymentId() + " vs " + r.deploymentId());
        }
        if (r.computeContainerCount() < 1) {
            throw new IllegalArgumentException("compute_container_count must be >= 1");
        }
    }
}
