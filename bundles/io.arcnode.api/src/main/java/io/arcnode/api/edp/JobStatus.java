package io.arcnode.api.edp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/**
 * Status of an EDP generation job.
 * JSON values: {@code running}, {@code complete}, {@code failed}.
 */
public enum JobStatus implements JsonEnum {
    RUNNING("running"),
    COMPLETE("complete"),
    FAILED("failed");

    private final String json;

    JobStatus(String json) {
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
    public static JobStatus fromJson(String value) {
        return JsonEnum.fromJson(JobStatus.class, value);
    }
}
