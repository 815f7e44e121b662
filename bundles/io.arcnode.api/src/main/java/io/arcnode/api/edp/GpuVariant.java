package io.arcnode.api.edp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/**
 * GPU model installed in the compute containers.
 * JSON values: {@code h100_sxm}, {@code b200}.
 */
public enum GpuVariant implements JsonEnum {
    H100_SXM("h100_sxm"),
    B200("b200");

    private final String json;

    GpuVariant(String json) {
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
    public static GpuVariant fromJson(String value) {
        return JsonEnum.fromJson(GpuVariant.class, value);
    }
}
