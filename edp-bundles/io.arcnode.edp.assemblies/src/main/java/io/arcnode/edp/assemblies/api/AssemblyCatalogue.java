package io.arcnode.edp.assemblies.api;

import io.arcnode.api.edp.DeploymentProfile;
import io.arcnode.edp.assemblies.internal.spec.SpecReader;
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
import java.util.function.Function;

/**
 * The device topologies and interface-plate ports of the module assemblies, one
 * {@code catalogue/<assembly_id>/topology.yaml} and one {@code catalogue/<assembly_id>/spec.yaml} per assembly,
 * shipped in this bundle. Every device's {@code protocol_config} (and host, port, type) is validated by binding it
 * through the {@code io.arcnode.api.dtm.Dtms} rules when the catalogue is loaded, every port by the rules of the
 * bundle README, so a broken file fails at load with the file and device or port named ({@link CatalogueException}).
 * Immutable and thread-safe.
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
    private final Map<String, AssemblySpec> specs;

    private AssemblyCatalogue(Map<String, AssemblyTopology> topologies, Map<String, AssemblySpec> specs) {
        this.topologies = topologies;
        this.specs = specs;
    }

    /**
     * Loads and validates the four topologies and the four port specs shipped in this bundle
     * ({@code /catalogue/<id>/topology.yaml} and {@code /catalogue/<id>/spec.yaml} on this bundle's class path), and
     * the rules across the spec files ({@link #of(Collection, Collection)}).
     *
     * @throws CatalogueException naming the file (and device or port index) of the first broken or missing file
     */
    public static AssemblyCatalogue load() {
        List<AssemblyTopology> list = new ArrayList<>();
        List<AssemblySpec> specList = new ArrayList<>();
        for (String id : ASSEMBLY_IDS) {
            list.add(TopologyReader.read(id, topologyFile(id), resource(topologyFile(id))));
            specList.add(SpecReader.read(id, specFile(id), resource(specFile(id))));
        }
        return of(list, specList);
    }

    private static byte[] resource(String file) {
        try (InputStream in = AssemblyCatalogue.class.getResourceAsStream("/" + file)) {
            if (in == null) {
                throw new CatalogueException(file, -1, "missing from the bundle (src/main/resources/catalogue is a source folder in build.properties)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CatalogueException(file, -1, "cannot read: " + e.getMessage());
        }
    }

    /**
     * A catalogue of already-parsed topologies without port specs (tests, alternative sources); {@link #spec} of it
     * throws.
     *
     * @throws IllegalArgumentException on a duplicate assembly id
     */
    public static AssemblyCatalogue of(Collection<AssemblyTopology> topologies) {
        return new AssemblyCatalogue(byId(topologies, AssemblyTopology::assemblyId), Map.of());
    }

    /**
     * A catalogue of already-parsed topologies and port specs. Checks the rule across spec files: when a spec has
     * ports connecting to {@code grid_lv_feeder}, every grid-container variant among the specs has exactly one
     * {@code compute_feed} port.
     *
     * @throws IllegalArgumentException on a duplicate assembly id, or a spec without topology
     * @throws CatalogueException       naming the grid container's spec file when the rule across files fails
     */
    public static AssemblyCatalogue of(Collection<AssemblyTopology> topologies, Collection<AssemblySpec> specs) {
        Map<String, AssemblyTopology> t = byId(topologies, AssemblyTopology::assemblyId);
        Map<String, AssemblySpec> s = byId(specs, AssemblySpec::assemblyId);
        for (String id : s.keySet()) {
            if (!t.containsKey(id)) {
                throw new IllegalArgumentException("spec of " + id + " has no topology");
            }
        }
        SpecReader.crossCheck(s, s.keySet().stream().filter(id -> id.startsWith("grid_container_")).toList(),
                AssemblyCatalogue::specFile);
        return new AssemblyCatalogue(t, s);
    }

    private static <T> Map<String, T> byId(Collection<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            if (map.put(id.apply(item), item) != null) {
                throw new IllegalArgumentException("duplicate assembly " + id.apply(item));
            }
        }
        return map;
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
        return TopologyReader.read(assemblyId, file, bytes(yaml));
    }

    /**
     * Parses and validates one port spec file (rules in the bundle README; the rule across files is checked by
     * {@link #of(Collection, Collection)}).
     *
     * @param assemblyId the assembly the file must declare in {@code assembly_id}
     * @param file       file name used in error messages, e.g. {@code catalogue/compute_container/spec.yaml}
     * @param yaml       the YAML text (UTF-8); not closed here
     * @throws CatalogueException naming {@code file} and the field, e.g. {@code ports[2] (CL-S).cable.size}
     */
    public static AssemblySpec parseSpec(String assemblyId, String file, InputStream yaml) {
        Objects.requireNonNull(assemblyId, "assemblyId");
        Objects.requireNonNull(file, "file");
        return SpecReader.read(assemblyId, file, bytes(yaml));
    }

    private static byte[] bytes(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the bundle-relative path of an assembly's port spec, {@code catalogue/<id>/spec.yaml} */
    public static String specFile(String assemblyId) {
        return "catalogue/" + assemblyId + "/spec.yaml";
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

    /**
     * @return the interface-plate ports of {@code assemblyId}
     * @throws IllegalArgumentException if the catalogue has no spec for the assembly
     */
    public AssemblySpec spec(String assemblyId) {
        AssemblySpec s = specs.get(assemblyId);
        if (s == null) {
            throw new IllegalArgumentException("no spec for assembly '" + assemblyId + "'; known: " + specs.keySet());
        }
        return s;
    }

    /** @return the assembly ids of this catalogue in load order */
    public List<String> assemblyIds() {
        return List.copyOf(topologies.keySet());
    }
}
