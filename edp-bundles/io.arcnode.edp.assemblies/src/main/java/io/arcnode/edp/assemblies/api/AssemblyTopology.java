package io.arcnode.edp.assemblies.api;

import java.util.List;
import java.util.Objects;

/**
 * The device list of one module assembly ({@code catalogue/<assembly_id>/topology.yaml}).
 *
 * @param assemblyId  one of {@link AssemblyCatalogue#ASSEMBLY_IDS}
 * @param description what the assembly is
 * @param devices     devices in file order; the index in this list is the {@code device_index} of the DTM's
 *                    device UUID name
 */
public record AssemblyTopology(String assemblyId, String description, List<TopologyDevice> devices) {

    /** Rejects nulls and copies the list. */
    public AssemblyTopology {
        Objects.requireNonNull(assemblyId, "assemblyId");
        Objects.requireNonNull(description, "description");
        devices = List.copyOf(devices);
    }
}
