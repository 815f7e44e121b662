package io.arcnode.api.dtm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/**
 * Whether the DTM addresses simulated ({@code sim}) or commissioned ({@code live}) devices.
 * JSON values: {@code sim}, {@code live}.
 */
public enum EmsMode implements JsonEnum {
    SIM("sim"),
    LIVE("live");

    private final String json;

    EmsMode(String json) {
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
    public static EmsMode fromJson(String value) {
        return JsonEnum.fromJson(EmsMode.class, value);
    }
}
