package io.arcnode.api.edp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/**
 * How the battery energy storage system (BESS) is coupled; {@code none} means no BESS.
 * JSON values: {@code ac_coupled}, {@code dc_integrated_pcs}, {@code dc_external_pcs}, {@code none}.
 */
public enum BessCoupling implements JsonEnum {
    AC_COUPLED("ac_coupled"),
    DC_INTEGRATED_PCS("dc_integrated_pcs"),
    DC_EXTERNAL_PCS("dc_external_pcs"),
    NONE("none");

    private final String json;

    BessCoupling(String json) {
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
    public static BessCoupling fromJson(String value) {
        return JsonEnum.fromJson(BessCoupling.class, value);
    }
}
