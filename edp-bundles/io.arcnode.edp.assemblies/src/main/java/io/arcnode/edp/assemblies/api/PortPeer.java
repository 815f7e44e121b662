package io.arcnode.edp.assemblies.api;

import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/**
 * What a port connects to ({@code connects_to} in {@code spec.yaml}). The cable and hose schedule turns each into
 * concrete endpoints of a deployment (which feeder, which rack, which switch port); whether a connection exists at
 * all follows from the resolution (utility only with a grid connection, BESS peers by coupling).
 */
public enum PortPeer implements JsonEnum {
    /** An LV outgoing feeder of the grid container, or the source's LV main distribution without one. */
    GRID_LV_FEEDER("grid_lv_feeder", PortKind.POWER_AC),
    /** The grid container side of {@link #GRID_LV_FEEDER}: no cable of its own (the compute side defines it). */
    COMPUTE_FEED("compute_feed", PortKind.POWER_AC),
    /** The point of connection of the site's energy source (MV). */
    ENERGY_SOURCE("energy_source", PortKind.POWER_AC),
    /** The utility point of connection (MV); only with {@code grid_connection != none}. */
    UTILITY("utility", PortKind.POWER_AC),
    /** The AC output of an AC-coupled BESS block (packaged PCS); only with {@code ac_coupled}. */
    BESS_AC("bess_ac", PortKind.POWER_AC),
    /** The AC side of an external PCS; only with {@code dc_external_pcs}. */
    PCS_AC("pcs_ac", PortKind.POWER_AC),
    /** The DC side of an external PCS; only with {@code dc_external_pcs}. */
    PCS_DC("pcs_dc", PortKind.POWER_DC),
    /** A battery rack string on the DC bus; only with {@code dc_external_pcs}. */
    BESS_RACK("bess_rack", PortKind.POWER_DC),
    /** The DC bus tie of a BESS enclosure with integrated PCS; only with {@code dc_integrated_pcs}. */
    BESS_INTEGRATED("bess_integrated", PortKind.POWER_DC),
    /** The facility water supply header (P&amp;ID), one branch per compute container. */
    FW_SUPPLY_HEADER("fw_supply_header", PortKind.COOLANT_SUPPLY),
    /** The facility water return header (P&amp;ID). */
    FW_RETURN_HEADER("fw_return_header", PortKind.COOLANT_RETURN),
    /** A port pair of a site aggregation switch (comms diagram: core switch, NW plates to every module). */
    CORE_SWITCH("core_switch", PortKind.NETWORK),
    /** The site earth grid. */
    SITE_EARTH("site_earth", PortKind.EARTH);

    private final String json;
    private final PortKind kind;

    PortPeer(String json, PortKind kind) {
        this.json = json;
        this.kind = kind;
    }

    @JsonValue
    @Override
    public String json() {
        return json;
    }

    /** @return the port kind a port connecting to this peer must have */
    public PortKind kind() {
        return kind;
    }

    /** @throws IllegalArgumentException on an unknown value */
    public static PortPeer fromJson(String value) {
        return JsonEnum.fromJson(PortPeer.class, value);
    }
}
