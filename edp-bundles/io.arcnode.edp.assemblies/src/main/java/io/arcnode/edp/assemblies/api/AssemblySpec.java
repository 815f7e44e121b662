package io.arcnode.edp.assemblies.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The interface-plate ports of one module assembly ({@code catalogue/<assembly_id>/spec.yaml}): what the cable and
 * hose schedule connects.
 *
 * @param assemblyId  one of {@link AssemblyCatalogue#ASSEMBLY_IDS}
 * @param description what the file describes
 * @param ports       ports in file order
 */
public record AssemblySpec(String assemblyId, String description, List<SpecPort> ports) {

    /** Rejects nulls and copies the list. */
    public AssemblySpec {
        Objects.requireNonNull(assemblyId, "assemblyId");
        Objects.requireNonNull(description, "description");
        ports = List.copyOf(ports);
    }

    /** @return the ports connecting to {@code peer}, in file order */
    public List<SpecPort> portsTo(PortPeer peer) {
        return ports.stream().filter(p -> p.connectsTo() == peer).toList();
    }

    /** @return the port with this id */
    public Optional<SpecPort> port(String portId) {
        return ports.stream().filter(p -> p.portId().equals(portId)).findFirst();
    }
}
