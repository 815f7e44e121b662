package io.arcnode.edp.assemblies.api;

import java.util.Objects;

/**
 * One port of an assembly's interface plates ({@code ports[]} in {@code spec.yaml}).
 *
 * @param portId      unique in the assembly, starting with the plate id: {@code CG-A}, {@code CL-S}
 * @param plate       the interface plate it is on: {@code CL} coolant, {@code NW} network, {@code CG} grid power,
 *                    {@code BT} battery DC
 * @param kind        what it carries
 * @param description what it is for
 * @param connector   the connector on the plate
 * @param connectsTo  what it connects to
 * @param cable       the cable or hose; {@code null} only for {@link PortPeer#COMPUTE_FEED}, whose cable the
 *                    compute side defines
 */
public record SpecPort(String portId, String plate, PortKind kind, String description, String connector,
        PortPeer connectsTo, PortCable cable) {

    /** Rejects nulls (except {@code cable}). */
    public SpecPort {
        Objects.requireNonNull(portId, "portId");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(connectsTo, "connectsTo");
    }
}
