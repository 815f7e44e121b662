package io.arcnode.api.edp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/**
 * Where the EMS runs, derived 1:1 from the AWS partition.
 * JSON values: {@code aws_standard}, {@code aws_govcloud}, {@code air_gapped}.
 */
public enum EmsTarget implements JsonEnum {
    AWS_STANDARD("aws_standard"),
    AWS_GOVCLOUD("aws_govcloud"),
    AIR_GAPPED("air_gapped");

    private final String json;

    EmsTarget(String json) {
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
    public static EmsTarget fromJson(String value) {
        return JsonEnum.fromJson(EmsTarget.class, value);
    }
}
