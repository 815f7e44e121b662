package io.arcnode.api.edp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/**
 * Main workload the compute containers are sized for.
 * JSON values: {@code ai_training}, {@code ai_inference}, {@code mixed}.
 */
public enum PrimaryWorkload implements JsonEnum {
    AI_TRAINING("ai_training"),
    AI_INFERENCE("ai_inference"),
    MIXED("mixed");

    private final String json;

    PrimaryWorkload(String json) {
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
    public static PrimaryWorkload fromJson(String value) {
        return JsonEnum.fromJson(PrimaryWorkload.class, value);
    }
}
