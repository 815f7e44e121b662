package io.arcnode.api.edp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/**
 * AWS partition the EMS connects to; {@code standard} only for commercial deployments.
 * JSON values: {@code standard}, {@code govcloud}, {@code none}.
 */
public enum AwsPartition implements JsonEnum {
    STANDARD("standard"),
    GOVCLOUD("govcloud"),
    NONE("none");

    private final String json;

    AwsPartition(String json) {
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
    public static AwsPartition fromJson(String value) {
        return JsonEnum.fromJson(AwsPartition.class, value);
    }
}
