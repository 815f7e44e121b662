package io.arcnode.edp.drawing.api;

import io.arcnode.api.edp.ClimateZone;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.drawing.internal.PidLayout;

/**
 * The P&amp;ID of the cooling system (spec 002 artifact 6, {@code pid_cooling.dxf} + {@code .pdf}): per
 * compute container a CDU between the facility water headers and the container's cold plates, the heat
 * rejection sized by climate zone, pumps, valves and instruments. Drawing rules: see the bundle README and
 * {@link PidLayout}.
 */
public final class PidCooling {

    public static final String DRAWING_TITLE = "P&ID - COOLING SYSTEM";

    /**
     * Heat rejection equipment of one climate zone: display name, symbol (block name in the P&amp;ID) and units
     * per compute container.
     */
    public record HeatRejection(String type, String symbol, int unitsPerContainer) {
    }

    private PidCooling() {
    }

    /**
     * Heat rejection by climate zone (spec silent; reasons in the README): subarctic 1 dry cooler, temperate
     * 2 dry coolers, arid_hot 2 adiabatic dry coolers, tropical 1 air-cooled chiller, per compute container.
     */
    public static HeatRejection heatRejection(ClimateZone zone) {
        return switch (zone) {
            case SUBARCTIC -> new HeatRejection("dry cooler", PidLayout.S_DRY_COOLER, 1);
            case TEMPERATE -> new HeatRejection("dry cooler", PidLayout.S_DRY_COOLER, 2);
            case ARID_HOT -> new HeatRejection("adiabatic dry cooler", PidLayout.S_ADIABATIC_DRY_COOLER, 2);
            case TROPICAL -> new HeatRejection("air-cooled chiller", PidLayout.S_CHILLER, 1);
        };
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
        return PidLayout.layout(payload, resolution, tb);
    }

    /** DXF and PDF of {@link #sheet}. */
    public static Drawing generate(ConfiguratorPayload payload, ModuleResolution resolution, String revision,
            String date) {
        return Drawing.of(sheet(payload, resolution, revision, date));
    }

    /** {@code EDP-<first 8 hex digits of the deployment id>-PID-001}. */
    public static String drawingNumber(String deploymentId) {
        return DrawingNumbers.of(deploymentId, "PID");
    }
}
