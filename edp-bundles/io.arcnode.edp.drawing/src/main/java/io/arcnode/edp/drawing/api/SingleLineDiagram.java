package io.arcnode.edp.drawing.api;

import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.drawing.internal.SldLayout;

/**
 * The single-line diagram (spec 002 artifact 5, {@code sld.dxf} + {@code sld.pdf}) of a deployment,
 * drawn from its {@link ConfiguratorPayload} and {@link ModuleResolution}. Drawing rules: see the
 * bundle README and {@link SldLayout}.
 */
public final class SingleLineDiagram {

    public static final String DRAWING_TITLE = "SINGLE LINE DIAGRAM";

    private SingleLineDiagram() {
    }

    /**
     * The sheet model.
     *
     * @param revision drawing revision shown in the title block, e.g. {@code A}
     * @param date     issue date {@code yyyy-MM-dd}, supplied by the caller (never the clock)
     */
    public static Sheet sheet(ConfiguratorPayload payload, ModuleResolution resolution, String revision,
            String date) {
        String id = payload.deploymentId().toString();
        Sheet.TitleBlock tb = new Sheet.TitleBlock(id, payload.deploymentSiteName(), payload.operatorOrg(),
                DRAWING_TITLE, drawingNumber(id), revision, "1 of 1", date);
        return SldLayout.layout(payload, resolution, tb);
    }

    /** DXF and PDF of {@link #sheet}. */
    public static Drawing generate(ConfiguratorPayload payload, ModuleResolution resolution, String revision,
            String date) {
        return Drawing.of(sheet(payload, resolution, revision, date));
    }

    /** {@code EDP-<first 8 hex digits of the deployment id>-SLD-001}. */
    public static String drawingNumber(String deploymentId) {
        return DrawingNumbers.of(deploymentId, "SLD");
    }
}
