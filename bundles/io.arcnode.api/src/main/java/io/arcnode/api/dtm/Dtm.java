package io.arcnode.api.dtm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.UUID;

/**
 * Device Topology Manifest (spec 002 {@code Dtm}). {@code ems_mode} defaults to {@link EmsMode#SIM}
 * when absent (or {@code null} in code). Parse with {@link Dtms#parse(String)}, which also enforces
 * that every device's {@code module_id} names a module; Jackson deserialisation goes through the same
 * validation. Lists are copied and unmodifiable.
 */
@JsonPropertyOrder({"deployment_uuid", "ems_mode", "sizing_params", "modules", "devices"})
@JsonDeserialize(using = Dtms.Deserializer.class)
public record Dtm(
        @JsonProperty("deployment_uuid") UUID deploymentUuid,
        @JsonProperty("ems_mode") EmsMode emsMode,
        @JsonProperty("sizing_params") SizingParams sizingParams,
        @JsonProperty("modules") List<Module> modules,
        @JsonProperty("devices") List<Device> devices) {

    /** Applies the {@code ems_mode} default and copies the lists. */
    public Dtm {
        emsMode = emsMode == null ? EmsMode.SIM : emsMode;
        modules = modules == null ? null : List.copyOf(modules);
        devices = devices == null ? null : List.copyOf(devices);
    }
}
