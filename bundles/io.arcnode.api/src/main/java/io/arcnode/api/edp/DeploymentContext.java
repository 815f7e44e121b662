package io.arcnode.api.edp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/**
 * Commercial, sovereign-government or defense-forward deployment.
 * JSON values: {@code commercial}, {@code sovereign_government}, {@code defense_forward}.
 */
public enum DeploymentContext implements JsonEnum {
    COMMERCIAL("commercial"),
    SOVEREIGN_GOVERNMENT("sovereign_government"),
    DEFENSE_FORWARD("defense_forward");

    private final String json;

    DeploymentContext(String json) {
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
    public static DeploymentContext fromJson(String value) {
        return JsonEnum.fromJson(DeploymentContext.class, value);
    }
}
