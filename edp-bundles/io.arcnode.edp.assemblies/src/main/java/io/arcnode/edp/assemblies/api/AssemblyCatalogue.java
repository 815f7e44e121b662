package io.arcnode.edp.assemblies.api;

import io.arcnode.api.edp.DeploymentProfile;
import io.arcnode.edp.assemblies.internal.topology.TopologyReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The device topologies of the module assemblies, one {@code catalogue/<assembly_id>/topology.yaml} per assembly,
 * shipped in this bundle. Every device's {@code protocol_config} (and host, port, type) is validated by binding it
 * through the {@code io.arcnode.api.dtm.Dtms} rules when the catalogue is loaded, so a broken file fails at load with
 * the file and device index named ({@link CatalogueException}). Immutable and thread-safe.
 */
public final class AssemblyCatalogue {

    /** One 40 ft compute container: 7 GPU nodes x 8 GPUs, both GPU variants. */
    public static final String COMPUTE_CONTAINER = "compute_container";
    /** Grid container for {@code dod_*} profiles. */
    public static final String GRID_CONTAINER_DEFENSE = "grid_container_defense";
    /** Grid container for {@code *_dc_ext} and {@code *_dc_int} profiles. */
    public static final String GRID_CONTAINER_COMMERCIAL_DC = "grid_container_commercial_dc";
    /** Grid container for {@code *_ac} and {@code *_no_bess} profiles. */
    public static final String GRID_CONTAINER_COMMERCIAL_AC = "grid_container_commercial_ac";
    /** Every assembly id of the catalogue, in a fixed order. */
    public static final List<String> ASSEMBLY_IDS = List.of(COMPUTE_CONTAINER, GRID_CONTAINER_DEFENSE,
            GRID_CONTAINER_COMMERCIAL_DC, GRID_CONTAINER_COMMERCIAL_AC);

    private final Map<String, AssemblyTopology> topologies;

    private AssemblyCatalogue(Map<String, AssemblyTopology> topologies) {
        this.topologies = topologies;
    }

    /**
     * Loads and validates the four topologies shipped in this bundle ({@code /catalogue/<id>/topology.yaml} on this
     * bundle's class path).
     *
     * @throws CatalogueException naming the file (and device index) of the first broken or missing topology
     */
    public static AssemblyCatalogue load() {
        List<AssemblyTopology> list = new ArrayList<>();
        for (String id : ASSEMBLY_IDS) {
            String file = topologyFile(id);
            try (InputStream in = AssemblyCatalogue.class.getResourceAsStream("/" + file)) {
                if (in == null) {
                    throw new CatalogueException(file, -1, "missing from the bundle (src/main/resources/catalogue is a source folder in build.properties)");
                }
                list.add(parseTopology(id, file, in));
            } catch (IOException e) {
                throw new CatalogueException(file, -1, "cannot read: " + e.getMessage());
            }
        }
        return of(list);
    }

    /**
     * A catalogue of already-parsed topologies (tests, alternative sources).
     *
     * @throws IllegalArgumentException on a duplicate assembly id
     */
    public static AssemblyCatalogue of(Collection<AssemblyTopology> topologies) {
        Map<String, AssemblyTopology> map = new LinkedHashMap<>();
        for (AssemblyTopology t : topologies) {
            if (map.put(t.assemblyId(), t) != null) {
                throw new IllegalArgumentException("duplicate assembly " + t.assemblyId());
            }
        }
        return new AssemblyCatalogue(map);
    }

    /**
     * Parses and validates one topology file.
     *
     * @param assemblyId the assembly the file must declare in {@code assembly_id}
     * @param file       file name used in error messages, e.g. {@code catalogue/compute_container/topology.yaml}
     * @param yaml       the YAML text (UTF-8); not closed here
     * @throws CatalogueException naming {@code file} and, where one device is at fault, {@code devices[i]}
     */
    public static AssemblyTopology parseTopology(String assemblyId, String file, InputStream yaml) {
        Objects.requireNonNull(assemblyId, "assemblyId");
        Objects.requireNonNull(file, "file");
        try {
            return TopologyReader.read(assemblyId, file, yaml.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the bundle-relative path of an assembly's topology, {@code catalogue/<id>/topology.yaml} */
    public static String topologyFile(String assemblyId) {
        return "catalogue/" + assemblyId + "/topology.yaml";
    }

    /**
     * The shared grid-container variant rule: {@code dod_*} -> defense; {@code *_dc_ext}, {@code *_dc_int} ->
     * commercial DC; {@code *_ac}, {@code *_no_bess} -> commercial AC. Whether a grid container is present at all is
     * the resolver's {@code grid_container_present}.
     */
    public static String gridContainerAssembly(DeploymentProfile profile) {
        return switch (profile) {
            case DOD_NO_BESS, DOD_AC, DOD_DC_EXT -> GRID_CONTAINER_DEFENSE;
            case COMMERCIAL_DC_EXT, COMMERCIAL_DC_INT, FEDERAL_DC_EXT, FEDERAL_DC_INT -> GRID_CONTAINER_COMMERCIAL_DC;
            case COMMERCIAL_NO_BESS, COMMERCIAL_AC, FEDERAL_NO_BESS, FEDERAL_AC -> GRID_CONTAINER_COMMERCIAL_AC;
        };
    }

    /**
     * @return the topology of {@code assemblyId}
     * @throws IllegalArgumentException if the catalogue has no such assembly
     */
    public AssemblyTopology topology(String assemblyId) {
        AssemblyTopology t = topologies.get(assemblyId);
        if (t == null) {
            throw new IllegalArgumentException("no topology for assembly '" + assemblyId + "'; known: "
                    + topologies.keySet());
        }
        return t;
    }

    /** @return the assembly ids of this catalogue in load order */
    public List<String> assemblyIds() {
        return List.copyOf(topologies.keySet());
    }
}
