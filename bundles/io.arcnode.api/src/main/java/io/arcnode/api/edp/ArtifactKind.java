package io.arcnode.api.edp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/**
 * Kind of an Engineering Delivery Package artifact.
 * JSON values: {@code bom}, {@code compute_container_3d}, {@code grid_container_3d}, {@code interface_plate}, {@code sld}, {@code pid_cooling}, {@code comms_diagram}, {@code cable_hose_schedule}, {@code installation_graph}, {@code dtm}.
 */
public enum ArtifactKind implements JsonEnum {
    BOM("bom"),
    COMPUTE_CONTAINER_3D("compute_container_3d"),
    GRID_CONTAINER_3D("grid_container_3d"),
    INTERFACE_PLATE("interface_plate"),
    SLD("sld"),
    PID_COOLING("pid_cooling"),
    COMMS_DIAGRAM("comms_diagram"),
    CABLE_HOSE_SCHEDULE("cable_hose_schedule"),
    INSTALLATION_GRAPH("installation_graph"),
    DTM("dtm");

    private final String json;

    ArtifactKind(String json) {
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
    public static ArtifactKind fromJson(String value) {
        return JsonEnum.fromJson(ArtifactKind.class, value);
    }
}
