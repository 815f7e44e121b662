package io.arcnode.edp.installationgraph.api;

import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.drawing.api.Drawing;
import io.arcnode.edp.drawing.api.DrawingNumbers;
import io.arcnode.edp.drawing.api.Sheet;
import io.arcnode.edp.installationgraph.internal.IgLayout;
import io.arcnode.edp.installationgraph.internal.InstallationSteps;

/**
 * The installation graph (spec 002 artifact 9, {@code installation_graph.dxf} + {@code .pdf}): the
 * installation steps of the deployment as a directed graph, ranked left to right by longest path. Steps and
 * their dependencies: {@link InstallationSteps}; drawing rules: the bundle README and {@link IgLayout}.
 */
public final class InstallationGraph {

    public static final String DRAWING_TITLE = "INSTALLATION GRAPH";

    private InstallationGraph() {
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
        return IgLayout.layout(InstallationSteps.of(payload, resolution), resolution, tb);
    }

    /** DXF and PDF of {@link #sheet}. */
    public static Drawing generate(ConfiguratorPayload payload, ModuleResolution resolution, String revision,
            String date) {
        return Drawing.of(sheet(payload, resolution, revision, date));
    }

    /** {@code EDP-<first 8 hex digits of the deployment id>-IG-001}. */
    public static String drawingNumber(String deploymentId) {
        return DrawingNumbers.of(deploymentId, "IG");
    }
}
