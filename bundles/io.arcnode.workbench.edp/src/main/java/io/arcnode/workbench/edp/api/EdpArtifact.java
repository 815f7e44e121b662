package io.arcnode.workbench.edp.api;

import io.arcnode.api.edp.ArtifactKind;
import java.nio.file.Path;

/**
 * One file of an EDP revision.
 *
 * @param kind    one of spec 002's ten artifact kinds
 * @param plateId the interface plate (CL, NW, CG, BT) of an {@code interface_plate} file, else null
 * @param format  the file's extension: json, xlsx, step, glb, dxf, pdf
 * @param file    where it is
 * @param bytes   its size
 */
public record EdpArtifact(ArtifactKind kind, String plateId, String format, Path file, long bytes) {

    /** @return the file's name, e.g. {@code plate_CL.dxf} */
    public String name() {
        return file.getFileName().toString();
    }
}
