package io.arcnode.api.edp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/**
 * The 11 deployment profiles ({@code dod_dc_int} does not exist: CATL-integrated PCS is not DoD-procurable).
 * JSON values: {@code commercial_no_bess}, {@code commercial_ac}, {@code commercial_dc_ext}, {@code commercial_dc_int}, {@code federal_no_bess}, {@code federal_ac}, {@code federal_dc_ext}, {@code federal_dc_int}, {@code dod_no_bess}, {@code dod_ac}, {@code dod_dc_ext}.
 */
public enum DeploymentProfile implements JsonEnum {
    COMMERCIAL_NO_BESS("commercial_no_bess"),
    COMMERCIAL_AC("commercial_ac"),
    COMMERCIAL_DC_EXT("commercial_dc_ext"),
    COMMERCIAL_DC_INT("commercial_dc_int"),
    FEDERAL_NO_BESS("federal_no_bess"),
    FEDERAL_AC("federal_ac"),
    FEDERAL_DC_EXT("federal_dc_ext"),
    FEDERAL_DC_INT("federal_dc_int"),
    DOD_NO_BESS("dod_no_bess"),
    DOD_AC("dod_ac"),
    DOD_DC_EXT("dod_dc_ext");

    private final String json;

    DeploymentProfile(String json) {
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
    public static DeploymentProfile fromJson(String value) {
        return JsonEnum.fromJson(DeploymentProfile.class, value);
    }
}
