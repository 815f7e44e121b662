package io.arcnode.edp.bom.api;

import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/** The group a BOM line belongs to; lines are ordered by category in this order. */
public enum BomCategory implements JsonEnum {
    /** Compute containers and what they hold: nodes, GPUs, PDUs, fire panels. */
    COMPUTE("compute"),
    /** The grid container. */
    GRID("grid"),
    /** Battery racks and power conversion. */
    BESS("bess"),
    /** Heat rejection, CDUs, facility water valves. */
    COOLING("cooling"),
    /** Switches, optics, EMS gateway. */
    NETWORK("network"),
    /** Power, earth and fibre cables, in metres (from the cable and hose schedule). */
    CABLING("cabling"),
    /** Coolant hoses, in metres (from the cable and hose schedule). */
    HOSES("hoses");

    private final String json;

    BomCategory(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String json() {
        return json;
    }
}
