package io.arcnode.api.edp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/**
 * Procurement tier, derived 1:1 from the deployment context.
 * JSON values: {@code commercial}, {@code federal_civilian}, {@code dod_eligible}.
 */
public enum SourcingTier implements JsonEnum {
    COMMERCIAL("commercial"),
    FEDERAL_CIVILIAN("federal_civilian"),
    DOD_ELIGIBLE("dod_eligible");

    private final String json;

    SourcingTier(String json) {
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
    public static SourcingTier fromJson(String value) {
        return JsonEnum.fromJson(SourcingTier.class, value);
    }
}
