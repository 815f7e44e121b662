package io.arcnode.edp.assemblies.api;

import io.arcnode.api.dtm.ProtocolConfig;
import java.util.Objects;

/**
 * One device of an assembly topology, as written in {@code catalogue/<assembly_id>/topology.yaml}: what the DTM
 * generator turns into a {@link io.arcnode.api.dtm.Device} once per container instance.
 *
 * @param deviceType     snake_case device kind, e.g. {@code cdu}, {@code gpu_node_bmc}
 * @param host           SIM-mode simulator hostname, e.g. {@code sim-compute-cdu}
 * @param port           the protocol's standard port in SIM mode (502, 20000, 161, 443, 19227)
 * @param protocolConfig the DTM protocol configuration, already validated by {@code Dtms} rules
 * @param description    human-readable description
 */
public record TopologyDevice(String deviceType, String host, int port, ProtocolConfig protocolConfig,
        String description) {

    /** Rejects nulls. */
    public TopologyDevice {
        Objects.requireNonNull(deviceType, "deviceType");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(protocolConfig, "protocolConfig");
        Objects.requireNonNull(description, "description");
    }
}
