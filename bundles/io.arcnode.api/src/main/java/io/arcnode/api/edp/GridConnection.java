package io.arcnode.api.edp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/**
 * How the site is connected to the utility grid.
 * JSON values: {@code none}, {@code grid_tied}, {@code grid_backup}.
 */
public enum GridConnection implements JsonEnum {
    NONE("none"),
    GRID_TIED("grid_tied"),
    GRID_BACKUP("grid_backup");

    private final String json;

    GridConnection(String json) {
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
    public static GridConnection fromJson(String value) {
        return JsonEnum.fromJson(GridConnection.class, value);
    }
}
