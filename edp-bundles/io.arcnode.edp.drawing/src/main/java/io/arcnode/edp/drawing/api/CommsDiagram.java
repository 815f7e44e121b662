package io.arcnode.edp.drawing.api;

import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.drawing.internal.CommsLayout;

/**
 * The communication network diagram (spec 002 artifact 7, {@code comms.dxf} + {@code comms.pdf}) drawn from
 * the deployment's {@link Dtm}: EMS / gateway, core switch, one branch per module with its devices
 * (device type, protocol, host and port), a layer per protocol, and the device table. Drawing rules: see
 * the bundle README and {@link CommsLayout}.
 */
public final class CommsDiagram {

    public static final String DRAWING_TITLE = "COMMUNICATION NETWORK DIAGRAM";

    private CommsDiagram() {
    }

    /**
     * The sheet model.
     *
     * @param dtm      the deployment's device topology manifest (same deployment id as the payload)
     * @param revision drawing revision shown in the title block, e.g. {@code A}
     * @param date     issue date {@code yyyy-MM-dd}, supplied by the caller (never the clock)
     */
    public static Sheet sheet(ConfiguratorPayload payload, ModuleResolution resolution, Dtm dtm, String revision,
            String date) {
        String id = payload.deploymentId().toString();
        Sheet.TitleBlock tb = new Sheet.TitleBlock(id, payload.deploymentSiteName(), payload.operatorOrg(),
                DRAWING_TITLE, drawingNumber(id), revision, "1 of 1", date);
        return CommsLayout.layout(payload, resolution, dtm, tb);
    }

    /** DXF and PDF of {@link #sheet}. */
    public static Drawing generate(ConfiguratorPayload payload, ModuleResolution resolution, Dtm dtm,
            String revision, String date) {
        return Drawing.of(sheet(payload, resolution, dtm, revision, date));
    }

    /** {@code EDP-<first 8 hex digits of the deployment id>-COM-001}. */
    public static String drawingNumber(String deploymentId) {
        return DrawingNumbers.of(deploymentId, "COM");
    }
}
