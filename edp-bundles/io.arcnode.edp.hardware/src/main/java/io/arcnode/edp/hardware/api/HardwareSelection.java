package io.arcnode.edp.hardware.api;

import io.arcnode.api.edp.DeploymentProfile;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The module assembly files of one deployment profile, as URLs {@code s3://arcnode-artifacts/<key>} in the artifact
 * store.
 *
 * @param profile          the profile this selection is for
 * @param computeContainer the compute container model
 * @param gridContainer    the grid container variant of the profile (used only when the resolution says a grid
 *                         container is present)
 * @param plates           the interface plates the profile can have, in map order; {@code CL}, {@code NW}, {@code CG}
 *                         always, {@code BT} for the {@code *_dc_ext} and {@code *_dc_int} profiles
 */
public record HardwareSelection(DeploymentProfile profile, Assembly computeContainer, Assembly gridContainer,
        List<Plate> plates) {

    public HardwareSelection {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(computeContainer, "computeContainer");
        Objects.requireNonNull(gridContainer, "gridContainer");
        plates = List.copyOf(plates);
    }

    /** @return the plate with this id (upper case, e.g. {@code CG}), if the profile lists it */
    public Optional<Plate> plate(String plateId) {
        return plates.stream().filter(p -> p.plateId().equals(plateId)).findFirst();
    }

    /**
     * A 3D model in two formats.
     *
     * @param step ISO 10303-21 file URL
     * @param glb  glTF 2.0 binary file URL
     */
    public record Assembly(String step, String glb) {
        public Assembly {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(glb, "glb");
        }
    }

    /**
     * One interface plate: 3D model and drawing.
     *
     * @param plateId upper-case plate id: {@code CL}, {@code NW}, {@code CG} or {@code BT}
     * @param step    3D model URL
     * @param dxf     drawing URL (DXF)
     * @param pdf     drawing URL (PDF)
     */
    public record Plate(String plateId, String step, String dxf, String pdf) {
        public Plate {
            Objects.requireNonNull(plateId, "plateId");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(dxf, "dxf");
            Objects.requireNonNull(pdf, "pdf");
        }
    }
}
