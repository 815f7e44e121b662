package io.arcnode.edp.installationgraph.internal;

import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.assemblies.api.AssemblyCatalogue;
import io.arcnode.edp.drawing.api.DrawingInputs;
import io.arcnode.edp.drawing.api.PidCooling;
import io.arcnode.edp.drawing.api.Quantities;
import io.arcnode.edp.dtm.api.DtmGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The installation steps of one deployment as a directed acyclic graph (nodes in insertion order, edges
 * "must be done before"). Steps (also in the README): site preparation, foundations, placements (grid
 * container when present, compute containers, heat rejection, BESS by coupling), the DC bus connection for
 * the DC couplings, power connections, coolant connections, network/comms, commissioning, handover.
 *
 * <p>Compute containers: one node per container up to {@value #MAX_COMPUTE_NODES}; above that consecutive
 * containers are grouped into at most {@value #MAX_COMPUTE_NODES} nodes of {@code ceil(n / 10)} containers.
 *
 * <p>Names come from their owners, so the graph says what the other artifacts say: module ids and positions
 * from {@link DtmGenerator}, the grid container assembly from {@link AssemblyCatalogue}, the heat rejection
 * units from {@link PidCooling#heatRejection}, the input checks from {@link DrawingInputs}.
 */
public final class InstallationSteps {

    /** Compute placement nodes at most. */
    public static final int MAX_COMPUTE_NODES = 10;

    /** A step: id (unique), title lines (bold part) and detail lines. */
    public record Node(String id, List<String> title, List<String> detail) {
        public Node {
            title = List.copyOf(title);
            detail = List.copyOf(detail);
        }
    }

    /** {@code from} must be done before {@code to}. */
    public record Edge(String from, String to) {
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    private InstallationSteps() {
    }

    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    public Node node(String id) {
        return nodes.get(id);
    }

    private void add(String id, List<String> title, List<String> detail) {
        if (nodes.putIfAbsent(id, new Node(id, title, detail)) != null) {
            throw new IllegalStateException("duplicate step " + id);
        }
    }

    private void edge(String from, String to) {
        if (!nodes.containsKey(from) || !nodes.containsKey(to)) {
            throw new IllegalStateException("edge between unknown steps " + from + " -> " + to);
        }
        edges.add(new Edge(from, to));
    }

    /**
     * Longest-path rank of every node: 0 without predecessors, else 1 + the highest rank of its predecessors.
     * Deterministic (Kahn's algorithm in insertion order); a cycle is an {@link IllegalStateException}.
     */
    public Map<String, Integer> ranks() {
        Map<String, Integer> indegree = new LinkedHashMap<>();
        for (String id : nodes.keySet()) {
            indegree.put(id, 0);
        }
        for (Edge e : edges) {
            indegree.merge(e.to(), 1, Integer::sum);
        }
        Map<String, Integer> rank = new LinkedHashMap<>();
        for (String id : nodes.keySet()) {
            rank.put(id, 0);
        }
        List<String> queue = new ArrayList<>();
        for (Map.Entry<String, Integer> e : indegree.entrySet()) {
            if (e.getValue() == 0) {
                queue.add(e.getKey());
            }
        }
        int done = 0;
        while (done < queue.size()) {
            String v = queue.get(done++);
            for (Edge e : edges) {
                if (e.from().equals(v)) {
                    rank.put(e.to(), Math.max(rank.get(e.to()), rank.get(v) + 1));
                    if (indegree.merge(e.to(), -1, Integer::sum) == 0) {
                        queue.add(e.to());
                    }
                }
            }
        }
        if (done != nodes.size()) {
            throw new IllegalStateException("installation steps contain a cycle");
        }
        return rank;
    }

    /** The steps of a deployment. */
    public static InstallationSteps of(ConfiguratorPayload p, ModuleResolution r) {
        DrawingInputs.check(p, r);
        int n = r.computeContainerCount();
        boolean grid = r.gridContainerPresent();
        BessCoupling bess = r.bessCoupling();
        String mwh = Quantities.plain(r.bessCapacityMwh()) + " MWh";
        PidCooling.HeatRejection hr = PidCooling.heatRejection(r.climateZone());
        int bessPads = switch (bess) {
            case NONE -> 0;
            case DC_EXTERNAL_PCS -> 2;
            default -> 1;
        };
        InstallationSteps g = new InstallationSteps();
        g.add("site", List.of("SITE PREPARATION"), List.of("SURVEY, GRADING,", "ACCESS, DRAINAGE"));
        List<String> pads = new ArrayList<>();
        pads.add(n + " COMPUTE" + (grid ? ", 1 GRID" : ""));
        pads.add(hr.unitsPerContainer() * n + " HEAT REJ." + (bessPads > 0 ? ", " + bessPads + " BESS" : ""));
        g.add("foundations", List.of("FOUNDATIONS / PADS"), pads);
        g.edge("site", "foundations");
        if (grid) {
            g.add("grid", List.of("GRID CONTAINER", "PLACEMENT"),
                    List.of(gridContainer(), AssemblyCatalogue.gridContainerAssembly(r.deploymentProfile())));
            g.edge("foundations", "grid");
        }
        List<String> compute = new ArrayList<>();
        int size = n <= MAX_COMPUTE_NODES ? 1 : (n + MAX_COMPUTE_NODES - 1) / MAX_COMPUTE_NODES;
        for (int first = 1; first <= n; first += size) {
            int last = Math.min(n, first + size - 1);
            String id = "compute-" + first;
            List<String> detail = first == last
                    ? List.of(DtmGenerator.computeModuleId(first, n) + " ("
                            + DtmGenerator.computePosition(first, n) + ")")
                    : List.of(DtmGenerator.computeModuleId(first, n) + " ..", DtmGenerator.computeModuleId(last, n)
                            + " (" + (last - first + 1) + ")");
            g.add(id, List.of("COMPUTE CONTAINER", "PLACEMENT"), detail);
            g.edge("foundations", id);
            compute.add(id);
        }
        g.add("heat_rejection", List.of("HEAT REJECTION", "PLACEMENT"),
                List.of(hr.unitsPerContainer() * n + " x " + hr.type().toUpperCase(Locale.ROOT),
                        "(" + r.climateZone().json() + ")"));
        g.edge("foundations", "heat_rejection");
        List<String> intoPower = new ArrayList<>();
        if (grid) {
            intoPower.add("grid");
        }
        intoPower.addAll(compute);
        switch (bess) {
            case NONE -> {
            }
            case AC_COUPLED -> {
                g.add("bess", List.of("BESS PLACEMENT", "(AC-COUPLED)"), List.of("PCS + BATTERY", mwh));
                g.edge("foundations", "bess");
                intoPower.add("bess");
            }
            case DC_EXTERNAL_PCS -> {
                g.add("bess", List.of("BESS RACKS", "PLACEMENT"), List.of(mwh, "DC-COUPLED"));
                g.add("pcs", List.of("EXTERNAL PCS", "PLACEMENT"), List.of("DC-COUPLED"));
                g.edge("foundations", "bess");
                g.edge("foundations", "pcs");
                dcBus(g, grid, List.of("bess", "pcs"));
                intoPower.add("dc_bus");
            }
            case DC_INTEGRATED_PCS -> {
                g.add("bess", List.of("BESS WITH", "INTEGRATED PCS"), List.of("PLACEMENT, " + mwh, "DC-COUPLED"));
                g.edge("foundations", "bess");
                dcBus(g, grid, List.of("bess"));
                intoPower.add("dc_bus");
            }
            default -> throw new IllegalStateException("unhandled coupling " + bess);
        }
        if (grid) {
            g.add("power", List.of("MV/LV POWER", "CONNECTIONS"), List.of("MV TO grid-01,", "CG PLATES: " + n + " x LV"));
        } else {
            g.add("power", List.of("LV POWER", "CONNECTIONS"), List.of("SOURCE TO " + n, "COMPUTE CONTAINERS"));
        }
        for (String id : intoPower) {
            if (!(grid && id.equals("grid") && g.nodes.containsKey("dc_bus"))) {
                g.edge(id, "power");
            }
        }
        g.add("coolant", List.of("COOLANT", "CONNECTIONS"), List.of("CL PLATES: " + n + " x CDU", "FILL, FLUSH, TEST"));
        g.edge("power", "coolant");
        g.edge("heat_rejection", "coolant");
        g.add("network", List.of("NETWORK / COMMS"), List.of("NW PLATES, CORE", "SWITCH, EMS GATEWAY"));
        g.edge("coolant", "network");
        g.add("commissioning", List.of("COMMISSIONING"), List.of("EMS " + r.emsTarget().json(), "SAT, LOAD TEST"));
        g.edge("network", "commissioning");
        g.add("handover", List.of("HANDOVER"), List.of("AS-BUILT EDP,", "O&M TRAINING"));
        g.edge("commissioning", "handover");
        return g;
    }

    /** The grid container as the drawings name it: module id and position of the DTM, {@code grid-01 (G01)}. */
    static String gridContainer() {
        return DtmGenerator.GRID_MODULE_ID + " (" + DtmGenerator.GRID_POSITION + ")";
    }

    /** DC bus (BT plates): after the BESS equipment and, when present, the grid container that holds the bus. */
    private static void dcBus(InstallationSteps g, boolean grid, List<String> from) {
        g.add("dc_bus", List.of("DC BUS CONNECTION", "(BT PLATES)"), List.of("BESS TO DC BUS"));
        for (String f : from) {
            g.edge(f, "dc_bus");
        }
        if (grid) {
            g.edge("grid", "dc_bus");
        }
    }
}
