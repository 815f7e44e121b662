package io.arcnode.api.edp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/**
 * Primary energy source of the site.
 * JSON values: {@code nuclear}, {@code solar}, {@code grid_hybrid}, {@code off_grid}.
 */
public enum EnergySource implements JsonEnum {
    NUCLEAR("nuclear"),
    SOLAR("solar"),
    GRID_HYBRID("grid_hybrid"),
    OFF_GRID("off_grid");

    private final String json;

    EnergySource(String json) {
        this.json = json;
    }

    /** @return the exact JSON value of this constant */
    @JsonValue
    @Override
    public String json() {
        return json;
    }

    /**
     * Strict lookup by JSON value.
     *
     * @throws IllegalArgumentException if {@code value} is not one of the JSON values
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static EnergySource fromJson(String value) {
        return JsonEnum.fromJson(EnergySource.class, value);
    }
}
