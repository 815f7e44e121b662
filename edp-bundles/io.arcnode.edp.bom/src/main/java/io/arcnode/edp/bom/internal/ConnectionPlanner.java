package io.arcnode.edp.bom.internal;

import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.GridConnection;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.assemblies.api.AssemblyCatalogue;
import io.arcnode.edp.assemblies.api.AssemblySpec;
import io.arcnode.edp.assemblies.api.PortCable;
import io.arcnode.edp.assemblies.api.PortPeer;
import io.arcnode.edp.assemblies.api.SpecPort;
import io.arcnode.edp.bom.api.BomLine;
import io.arcnode.edp.bom.api.ScheduleEntry;
import io.arcnode.edp.dtm.api.DtmGenerator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The connections of a deployment: every port of every module instance's {@code spec.yaml} joined to its peer, with
 * the peer counts taken from the BOM's equipment lines (containers, racks, PCS units, aggregation switches). One
 * entry per physical connection (decision: a cable schedule tags every run; aggregation is the BOM's job). Linear in
 * the number of containers.
 */
public final class ConnectionPlanner {

    /** The peer counts read from BOM lines by their {@code item} key. */
    public record Counts(int computeContainers, boolean gridContainer, int racks, int pcs, int aggSwitches) {

        /** @throws IllegalArgumentException if the lines lack compute containers or an aggregation switch */
        public static Counts of(List<BomLine> lines) {
            int compute = (int) quantity(lines, "compute_container");
            int agg = (int) quantity(lines, "agg_switch");
            if (compute < 1 || agg < 1) {
                throw new IllegalArgumentException("BOM has no compute_container or agg_switch line");
            }
            return new Counts(compute, quantity(lines, "grid_container") > 0, (int) quantity(lines, "bess_rack"),
                    (int) quantity(lines, "pcs"), agg);
        }

        private static long quantity(List<BomLine> lines, String item) {
            long q = 0;
            for (BomLine l : lines) {
                if (l.item().equals(item)) {
                    q += l.quantity();
                }
            }
            return q;
        }
    }

    private final ConfiguratorPayload payload;
    private final ModuleResolution resolution;
    private final Counts counts;
    private final List<ScheduleEntry> out = new ArrayList<>();
    private int feeders;
    private int switchPorts;

    private ConnectionPlanner(ConfiguratorPayload payload, ModuleResolution resolution, Counts counts) {
        this.payload = payload;
        this.resolution = resolution;
        this.counts = counts;
    }

    /**
     * @throws IllegalStateException when the catalogue lacks a port the resolution needs, or the BOM's switches have
     *                               too few ports
     */
    public static List<ScheduleEntry> plan(ConfiguratorPayload payload, ModuleResolution resolution, Counts counts,
            AssemblyCatalogue catalogue) {
        ConnectionPlanner p = new ConnectionPlanner(payload, resolution, counts);
        AssemblySpec compute = catalogue.spec(AssemblyCatalogue.COMPUTE_CONTAINER);
        AssemblySpec grid = null;
        if (counts.gridContainer()) {
            grid = catalogue.spec(AssemblyCatalogue.gridContainerAssembly(resolution.deploymentProfile()));
            p.requirePeers(grid);
            p.module(grid, DtmGenerator.GRID_MODULE_ID, grid);
        }
        int n = counts.computeContainers();
        for (int i = 1; i <= n; i++) {
            p.module(compute, DtmGenerator.computeModuleId(i, n), grid);
        }
        return p.out;
    }

    /** The peers this resolution connects to the grid container: a missing port is a catalogue error. */
    private void requirePeers(AssemblySpec grid) {
        Set<PortPeer> needed = EnumSet.of(PortPeer.COMPUTE_FEED, PortPeer.ENERGY_SOURCE, PortPeer.CORE_SWITCH,
                PortPeer.SITE_EARTH);
        if (payload.gridConnection() != GridConnection.NONE) {
            needed.add(PortPeer.UTILITY);
        }
        switch (resolution.bessCoupling()) {
            case AC_COUPLED -> needed.add(PortPeer.BESS_AC);
            case DC_EXTERNAL_PCS -> needed.addAll(List.of(PortPeer.PCS_AC, PortPeer.PCS_DC, PortPeer.BESS_RACK));
            case DC_INTEGRATED_PCS -> needed.add(PortPeer.BESS_INTEGRATED);
            case NONE -> {
            }
        }
        for (PortPeer peer : needed) {
            if (grid.portsTo(peer).isEmpty()) {
                throw new IllegalStateException(AssemblyCatalogue.specFile(grid.assemblyId()) + " has no port "
                        + "connecting to " + peer.json() + ", needed by profile "
                        + resolution.deploymentProfile().json());
            }
        }
    }

    private void module(AssemblySpec spec, String moduleId, AssemblySpec grid) {
        for (SpecPort port : spec.ports()) {
            List<String> peers = peers(port.connectsTo(), moduleId, grid);
            for (int k = 0; k < peers.size(); k++) {
                String id = moduleId + "." + port.portId() + (peers.size() > 1 ? "." + pad(k + 1, peers.size()) : "");
                PortCable c = port.cable();
                out.add(new ScheduleEntry(id, moduleId + " " + port.portId(), peers.get(k), port.kind(),
                        c.partNumber(), c.type(), c.sizeLabel(), c.lengthM(), c.conductors(),
                        (long) c.lengthM() * c.conductors()));
            }
        }
    }

    /** @return the far end of each connection of a port to {@code peer}; empty when this deployment has none */
    private List<String> peers(PortPeer peer, String moduleId, AssemblySpec grid) {
        BessCoupling coupling = resolution.bessCoupling();
        return switch (peer) {
            case COMPUTE_FEED -> List.of();
            case GRID_LV_FEEDER -> List.of(feeder(grid));
            case ENERGY_SOURCE -> List.of("source-01 " + payload.energySource().json() + " MV point of connection");
            case UTILITY -> payload.gridConnection() == GridConnection.NONE ? List.of()
                    : List.of("utility-01 MV point of connection (" + payload.gridConnection().json() + ")");
            case BESS_AC -> coupling == BessCoupling.AC_COUPLED ? numbered("bess-ac-", counts.pcs(),
                    " AC-coupled BESS block") : List.of();
            case PCS_AC -> coupling == BessCoupling.DC_EXTERNAL_PCS ? numbered("pcs-", counts.pcs(), " AC side")
                    : List.of();
            case PCS_DC -> coupling == BessCoupling.DC_EXTERNAL_PCS ? numbered("pcs-", counts.pcs(), " DC side")
                    : List.of();
            case BESS_RACK -> coupling == BessCoupling.DC_EXTERNAL_PCS ? numbered("bess-rack-", counts.racks(), "")
                    : List.of();
            case BESS_INTEGRATED -> coupling == BessCoupling.DC_INTEGRATED_PCS ? numbered("bess-int-", counts.pcs(),
                    " BESS enclosure with integrated PCS") : List.of();
            case FW_SUPPLY_HEADER -> List.of("FW supply header, branch " + moduleId);
            case FW_RETURN_HEADER -> List.of("FW return header, branch " + moduleId);
            case CORE_SWITCH -> List.of(switchPorts());
            case SITE_EARTH -> List.of("site earth grid");
        };
    }

    /** The next LV feeder: {@code grid-01 CG-LV feeder F0001}, or the source's LV board without a grid container. */
    private String feeder(AssemblySpec grid) {
        feeders++;
        int total = counts.computeContainers() * 2;
        String f = "feeder F" + pad(feeders, total);
        if (grid == null) {
            return "source-01 LV main distribution " + f;
        }
        return DtmGenerator.GRID_MODULE_ID + " " + grid.portsTo(PortPeer.COMPUTE_FEED).get(0).portId() + " " + f;
    }

    /** The next pair of aggregation-switch ports: {@code agg-sw-01 ports 03-04}. */
    private String switchPorts() {
        int first = switchPorts;
        switchPorts += BomRules.UPLINKS_PER_MODULE;
        int sw = first / BomRules.AGG_SWITCH_PORTS + 1;
        if (sw > counts.aggSwitches()) {
            throw new IllegalStateException("the BOM's " + counts.aggSwitches() + " aggregation switches have too "
                    + "few ports for the uplinks of every module");
        }
        int port = first % BomRules.AGG_SWITCH_PORTS + 1;
        return "agg-sw-" + pad(sw, counts.aggSwitches()) + " ports " + pad(port, BomRules.AGG_SWITCH_PORTS) + "-"
                + pad(port + BomRules.UPLINKS_PER_MODULE - 1, BomRules.AGG_SWITCH_PORTS);
    }

    private static List<String> numbered(String prefix, int count, String suffix) {
        List<String> out = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            out.add(prefix + pad(i, count) + suffix);
        }
        return out;
    }

    /** Zero-padded to the digits of {@code count}, at least two (the module id convention). */
    static String pad(int i, int count) {
        String s = Integer.toString(i);
        int width = Math.max(2, Integer.toString(count).length());
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
