package io.arcnode.api.edp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/**
 * Climate zone of the site (drives cooling design).
 * JSON values: {@code subarctic}, {@code temperate}, {@code arid_hot}, {@code tropical}.
 */
public enum ClimateZone implements JsonEnum {
    SUBARCTIC("subarctic"),
    TEMPERATE("temperate"),
    ARID_HOT("arid_hot"),
    TROPICAL("tropical");

    private final String json;

    ClimateZone(String json) {
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
    public static ClimateZone fromJson(String value) {
        return JsonEnum.fromJson(ClimateZone.class, value);
    }
}
