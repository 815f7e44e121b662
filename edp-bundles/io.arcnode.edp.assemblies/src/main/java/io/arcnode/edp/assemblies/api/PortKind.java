package io.arcnode.edp.assemblies.api;

import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/** What an interface-plate port carries ({@code kind} in {@code spec.yaml}). */
public enum PortKind implements JsonEnum {
    /** Three-phase AC power (LV or MV); size in mm². */
    POWER_AC("power_ac", SizeUnit.MM2),
    /** DC power of the battery bus; size in mm². */
    POWER_DC("power_dc", SizeUnit.MM2),
    /** Protective earth / equipotential bonding; size in mm². */
    EARTH("earth", SizeUnit.MM2),
    /** Facility water (coolant) supply; size as DN. */
    COOLANT_SUPPLY("coolant_supply", SizeUnit.DN),
    /** Facility water (coolant) return; size as DN. */
    COOLANT_RETURN("coolant_return", SizeUnit.DN),
    /** Data network (fibre); size as fibre count. */
    NETWORK("network", SizeUnit.FIBRES);

    private final String json;
    private final SizeUnit unit;

    PortKind(String json, SizeUnit unit) {
        this.json = json;
        this.unit = unit;
    }

    @JsonValue
    @Override
    public String json() {
        return json;
    }

    /** @return the unit a cable or hose of this kind is sized in */
    public SizeUnit sizeUnit() {
        return unit;
    }

    /** @throws IllegalArgumentException on an unknown value */
    public static PortKind fromJson(String value) {
        return JsonEnum.fromJson(PortKind.class, value);
    }
}
