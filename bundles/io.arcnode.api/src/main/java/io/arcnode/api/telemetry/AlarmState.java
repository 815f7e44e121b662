package io.arcnode.api.telemetry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/**
 * Alarm lifecycle state (spec 004, Alarm Lifecycle).
 * JSON values: {@code ACTIVE}, {@code ACKNOWLEDGED}, {@code CLEARED}, {@code SUPPRESSED}.
 */
public enum AlarmState implements JsonEnum {
    ACTIVE("ACTIVE"),
    ACKNOWLEDGED("ACKNOWLEDGED"),
    CLEARED("CLEARED"),
    SUPPRESSED("SUPPRESSED");

    private final String json;

    AlarmState(String json) {
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
    public static AlarmState fromJson(String value) {
        return JsonEnum.fromJson(AlarmState.class, value);
    }
}
