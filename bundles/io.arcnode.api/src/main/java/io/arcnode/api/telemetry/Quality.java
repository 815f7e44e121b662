package io.arcnode.api.telemetry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/**
 * Quality code of a measurement (spec 004, Data Quality).
 * JSON values: {@code GOOD}, {@code SUSPECT}, {@code UNCERTAIN}, {@code BAD}.
 */
public enum Quality implements JsonEnum {
    GOOD("GOOD"),
    SUSPECT("SUSPECT"),
    UNCERTAIN("UNCERTAIN"),
    BAD("BAD");

    private final String json;

    Quality(String json) {
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
    public static Quality fromJson(String value) {
        return JsonEnum.fromJson(Quality.class, value);
    }
}
