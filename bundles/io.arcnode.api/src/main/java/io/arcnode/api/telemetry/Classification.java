package io.arcnode.api.telemetry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/**
 * Classification of a stream message.
 * JSON values: {@code TELEMETRY}, {@code EVENT}, {@code ALARM}.
 */
public enum Classification implements JsonEnum {
    TELEMETRY("TELEMETRY"),
    EVENT("EVENT"),
    ALARM("ALARM");

    private final String json;

    Classification(String json) {
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
    public static Classification fromJson(String value) {
        return JsonEnum.fromJson(Classification.class, value);
    }
}
