package io.arcnode.edp.bom.internal;

import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ClimateZone;
import io.arcnode.edp.drawing.api.PidCooling;
import io.arcnode.api.edp.EdpConstants;
import io.arcnode.api.edp.GpuVariant;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.api.edp.SourcingTier;
import io.arcnode.edp.assemblies.api.AssemblyCatalogue;
import io.arcnode.edp.assemblies.api.SizeUnit;
import io.arcnode.edp.bom.api.BomCategory;
import io.arcnode.edp.bom.api.BomLine;
import io.arcnode.edp.bom.api.ScheduleEntry;
import io.arcnode.edp.dtm.api.DtmGenerator;
import io.arcnode.edp.dtm.api.DtmSizing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The line-item rules of the BOM (each constant's source is in the bundle README). Equipment lines come from the
 * resolution; cabling lines from the connections of the cable and hose schedule. Lines are returned unnumbered
 * ({@code line} 0); {@link #number} numbers them.
 */
public final class BomRules {

    /** Every tier: parts without procurement restriction. */
    public static final List<SourcingTier> ALL_TIERS = List.of(SourcingTier.COMMERCIAL, SourcingTier.FEDERAL_CIVILIAN,
            SourcingTier.DOD_ELIGIBLE);
    /** Commercial and federal civilian only: CATL parts, commercial grid-container variants. */
    public static final List<SourcingTier> NON_DOD_TIERS = List.of(SourcingTier.COMMERCIAL,
            SourcingTier.FEDERAL_CIVILIAN);

    /** Nominal energy of one LFP rack in tenths of kWh: 416 cells x 3.2 V x 280 Ah = 372.7 kWh (1331.2 V). */
    public static final int RACK_KWH_TENTHS = 3727;
    /** Racks per PCS (one BESS block: 1.49 MWh, 745 kVA at 0.5C). */
    public static final int RACKS_PER_PCS = 4;
    /** Ports of one site aggregation switch (48 x 25GbE SFP28). */
    public static final int AGG_SWITCH_PORTS = 48;
    /** Aggregation-switch ports per module (NW-F: two 25GbE uplinks). */
    public static final int UPLINKS_PER_MODULE = 2;
    /** Facility water isolation valves per compute container (supply and return of its P&amp;ID branch). */
    public static final int FW_VALVES_PER_CONTAINER = 2;
    /** Rack PDUs per compute container (feeds A and B; the topology's two {@code rack_pdu} devices). */
    public static final int PDUS_PER_CONTAINER = 2;

    /** Heat rejection per compute container by climate zone: type and units are the P&amp;ID's rule, plus a part. */
    public record HeatRejection(String type, int unitsPerContainer, String partNumber) {
    }

    private BomRules() {
    }

    public static HeatRejection heatRejection(ClimateZone zone) {
        PidCooling.HeatRejection pid = PidCooling.heatRejection(zone);
        String part = switch (zone) {
            case SUBARCTIC, TEMPERATE -> "AN-HR-DRY-110";
            case ARID_HOT -> "AN-HR-ADIA-110";
            case TROPICAL -> "AN-HR-CHILLER-120";
        };
        return new HeatRejection(pid.type(), pid.unitsPerContainer(), part);
    }

    /** @return {@code ceil(capacity_kWh / 372.7)}, exact in decimal */
    public static int racks(double bessCapacityMwh) {
        BigDecimal tenths = BigDecimal.valueOf(DtmSizing.bessTotalKwh(bessCapacityMwh)).movePointRight(1);
        return tenths.divide(BigDecimal.valueOf(RACK_KWH_TENTHS), 0, RoundingMode.CEILING).intValueExact();
    }

    /** @return PCS units for {@code racks}: one per {@link #RACKS_PER_PCS} racks, rounded up */
    public static int pcsUnits(int racks) {
        return (racks + RACKS_PER_PCS - 1) / RACKS_PER_PCS;
    }

    /** @return modules on the site network: compute containers plus the grid container */
    public static int modules(ModuleResolution r) {
        return r.computeContainerCount() + (r.gridContainerPresent() ? 1 : 0);
    }

    /** @return aggregation switches for the uplinks of every module */
    public static int aggSwitches(ModuleResolution r) {
        int ports = modules(r) * UPLINKS_PER_MODULE;
        return (ports + AGG_SWITCH_PORTS - 1) / AGG_SWITCH_PORTS;
    }

    /** The equipment lines of the resolution: compute, grid, BESS, cooling, network. */
    public static List<BomLine> equipment(ModuleResolution r) {
        List<BomLine> out = new ArrayList<>();
        compute(r, out);
        grid(r, out);
        bess(r, out);
        cooling(r, out);
        network(r, out);
        return out;
    }

    private static void compute(ModuleResolution r, List<BomLine> out) {
        int n = r.computeContainerCount();
        int nodes = n * DtmSizing.NODES_PER_COMPUTE_CONTAINER;
        int gpusPerNode = EdpConstants.GPUS_PER_COMPUTE_CONTAINER / DtmSizing.NODES_PER_COMPUTE_CONTAINER;
        GpuVariant v = r.gpuVariant();
        String kw = num(DtmSizing.computeTotalKw(1, v));
        String nodeKw = num(DtmSizing.nodeWatts(v) / 1000.0);
        String range = n == 1 ? DtmGenerator.computeModuleId(1, 1)
                : DtmGenerator.computeModuleId(1, n) + " .. " + DtmGenerator.computeModuleId(n, n);
        boolean h100 = v == GpuVariant.H100_SXM;
        out.add(line("compute_container", h100 ? "AN-CC40-H100" : "AN-CC40-B200",
                "Compute container 40 ft high cube (ISO 668), 7 x 8-GPU " + (h100 ? "HGX H100" : "HGX B200")
                        + " node fit-out, " + kw + " kW IT load",
                n, BomLine.EACH, BomCategory.COMPUTE, ALL_TIERS,
                range + "; ceil(target_gpu_count / " + EdpConstants.GPUS_PER_COMPUTE_CONTAINER + ") containers"));
        out.add(line("gpu_node", h100 ? "AN-NODE-HGX-H100-8" : "AN-NODE-HGX-B200-8",
                "GPU node, " + (h100 ? "HGX H100" : "HGX B200") + " 8-GPU baseboard, " + nodeKw + " kW max",
                nodes, BomLine.EACH, BomCategory.COMPUTE, ALL_TIERS,
                DtmSizing.NODES_PER_COMPUTE_CONTAINER + " per compute container"));
        out.add(line("gpu", h100 ? "AN-GPU-H100-SXM5-80" : "AN-GPU-B200-180",
                h100 ? "NVIDIA H100 SXM5 80 GB HBM3 GPU" : "NVIDIA B200 180 GB HBM3e GPU",
                r.gpuCount(), BomLine.EACH, BomCategory.COMPUTE, ALL_TIERS,
                gpusPerNode + " per node, fitted on the node's HGX baseboard (delivered with the node)"));
        out.add(line("rack_pdu", "AN-PDU-3P-400-63", "Rack PDU, 3-phase 400/230 V, metered, Modbus/TCP",
                (long) n * PDUS_PER_CONTAINER, BomLine.EACH, BomCategory.COMPUTE, ALL_TIERS,
                PDUS_PER_CONTAINER + " per compute container (feeds A and B), fitted"));
        out.add(line("fire_panel", "AN-FP-CLEAN-AGENT", "Clean-agent fire detection and suppression panel",
                n, BomLine.EACH, BomCategory.COMPUTE, ALL_TIERS, "1 per compute container, fitted"));
    }

    private static void grid(ModuleResolution r, List<BomLine> out) {
        if (!r.gridContainerPresent()) {
            return;
        }
        String assembly = AssemblyCatalogue.gridContainerAssembly(r.deploymentProfile());
        String part;
        String description;
        List<SourcingTier> tiers;
        switch (assembly) {
            case AssemblyCatalogue.GRID_CONTAINER_DEFENSE -> {
                part = "AN-GC20-DEF";
                description = "Grid container 20 ft, defense variant: hardened MV/LV switchgear, transformer, "
                        + "ride-through battery, tactical genset controller";
                tiers = ALL_TIERS;
            }
            case AssemblyCatalogue.GRID_CONTAINER_COMMERCIAL_DC -> {
                part = "AN-GC20-CDC";
                description = "Grid container 20 ft, commercial DC variant: MV/LV switchgear, transformer, "
                        + "battery DC bus";
                tiers = NON_DOD_TIERS;
            }
            default -> {
                part = "AN-GC20-CAC";
                description = "Grid container 20 ft, commercial AC variant: MV/LV switchgear, transformer, metering";
                tiers = NON_DOD_TIERS;
            }
        }
        out.add(line("grid_container", part, description, 1, BomLine.EACH, BomCategory.GRID, tiers,
                DtmGenerator.GRID_MODULE_ID + " (" + DtmGenerator.GRID_POSITION + "), assembly " + assembly));
    }

    private static void bess(ModuleResolution r, List<BomLine> out) {
        BessCoupling c = r.bessCoupling();
        if (c == BessCoupling.NONE) {
            return;
        }
        int racks = racks(r.bessCapacityMwh());
        int pcs = pcsUnits(racks);
        boolean catl = c == BessCoupling.DC_INTEGRATED_PCS;
        String sizing = "ceil(" + num(DtmSizing.bessTotalKwh(r.bessCapacityMwh())) + " kWh / "
                + num(RACK_KWH_TENTHS / 10.0) + " kWh per rack) = " + racks + " racks";
        String catlNote = "CATL: integrated-PCS BESS of profile " + r.deploymentProfile().json()
                + "; not DoD-procurable (spec 002 CATL exclusion), flag upstream";
        out.add(line("bess_rack", catl ? "AN-BESS-RACK-CATL-373" : "AN-BESS-RACK-LFP-373",
                (catl ? "CATL LFP battery rack for the BESS enclosure with integrated PCS" : "LFP battery rack")
                        + ", 416s 280 Ah (1331 V), 372.7 kWh nominal",
                racks, BomLine.EACH, BomCategory.BESS, catl ? NON_DOD_TIERS : ALL_TIERS,
                catl ? sizing + "; " + catlNote : sizing + "; non-FEOC cell supply"));
        String perBlock = "1 per " + RACKS_PER_PCS + " racks (1.49 MWh block, 745 kVA at 0.5C)";
        switch (c) {
            case AC_COUPLED -> out.add(line("pcs", "AN-PCS-AC-745",
                    "AC-coupled BESS block PCS (packaged bidirectional inverter), 745 kVA, 400 V AC", pcs,
                    BomLine.EACH, BomCategory.BESS, ALL_TIERS, perBlock + "; connects at the grid container LV bus"));
            case DC_EXTERNAL_PCS -> out.add(line("pcs", "AN-PCS-DC-745",
                    "External bidirectional PCS, 1500 V DC / 400 V AC, 745 kVA", pcs, BomLine.EACH, BomCategory.BESS,
                    ALL_TIERS, perBlock + "; between the BT plate DC bus and the LV bus"));
            case DC_INTEGRATED_PCS -> out.add(line("pcs", "AN-PCS-INT-CATL-745",
                    "CATL integrated PCS in the BESS enclosure, 745 kVA", pcs, BomLine.EACH, BomCategory.BESS,
                    NON_DOD_TIERS, perBlock + "; " + catlNote));
            case NONE -> throw new IllegalStateException("unreachable: no BESS");
        }
    }

    private static void cooling(ModuleResolution r, List<BomLine> out) {
        int n = r.computeContainerCount();
        HeatRejection hr = heatRejection(r.climateZone());
        out.add(line("heat_rejection", hr.partNumber(), capitalised(hr.type()) + ", facility water (PG25), EC fans",
                (long) hr.unitsPerContainer() * n, BomLine.EACH, BomCategory.COOLING, ALL_TIERS,
                hr.unitsPerContainer() + " per compute container for climate zone " + r.climateZone().json()
                        + " (supply setpoint " + num(DtmSizing.coolantSetpointC(r.climateZone())) + " C)"));
        out.add(line("cdu", "AN-CDU-LL-150", "Coolant distribution unit, liquid-to-liquid, N+1 pumps, Modbus/TCP", n,
                BomLine.EACH, BomCategory.COOLING, ALL_TIERS, "1 per compute container, fitted"));
        out.add(line("fw_isolation_valve", "AN-VLV-BFY-DN80", "Butterfly isolation valve DN80 PN16, EPDM liner",
                (long) FW_VALVES_PER_CONTAINER * n, BomLine.EACH, BomCategory.COOLING, ALL_TIERS,
                "supply and return of each container branch of the facility water headers (P&ID)"));
    }

    private static void network(ModuleResolution r, List<BomLine> out) {
        int modules = modules(r);
        out.add(line("tor_switch", "AN-SW-TOR-25G", "Top-of-rack Ethernet switch 25/100GbE, SNMPv3",
                r.computeContainerCount(), BomLine.EACH, BomCategory.NETWORK, ALL_TIERS,
                "1 per compute container, fitted"));
        out.add(line("agg_switch", "AN-SW-AGG-48-25G", "Site aggregation switch, 48 x 25GbE SFP28 + 8 x 100GbE QSFP28",
                aggSwitches(r), BomLine.EACH, BomCategory.NETWORK, ALL_TIERS,
                "ceil(" + modules + " modules x " + UPLINKS_PER_MODULE + " uplinks / " + AGG_SWITCH_PORTS + " ports)"));
        out.add(line("optic", "AN-OPT-SFP28-LR", "25GBASE-LR SFP28 transceiver, 1310 nm single-mode",
                (long) modules * UPLINKS_PER_MODULE, BomLine.EACH, BomCategory.NETWORK, ALL_TIERS,
                "aggregation-switch side of every uplink (module side ships with the container)"));
        String target = r.emsTarget().json();
        String part = switch (r.emsTarget()) {
            case AWS_STANDARD -> "AN-EMS-GW-STD";
            case AWS_GOVCLOUD -> "AN-EMS-GW-GOV";
            case AIR_GAPPED -> "AN-EMS-GW-AIRGAP";
        };
        out.add(line("ems_gateway", part, "EMS edge gateway (" + target + ")", 1, BomLine.EACH, BomCategory.NETWORK,
                ALL_TIERS, "ems_target " + target));
    }

    /**
     * One line per cable or hose part of the schedule, in order of first use: metres = sum of length x conductors.
     */
    public static List<BomLine> cabling(List<ScheduleEntry> entries) {
        Map<String, long[]> metres = new LinkedHashMap<>();
        Map<String, ScheduleEntry> first = new LinkedHashMap<>();
        for (ScheduleEntry e : entries) {
            first.putIfAbsent(e.partNumber(), e);
            long[] m = metres.computeIfAbsent(e.partNumber(), k -> new long[2]);
            m[0] += e.totalLengthM();
            m[1]++;
        }
        List<BomLine> out = new ArrayList<>();
        for (Map.Entry<String, ScheduleEntry> f : first.entrySet()) {
            ScheduleEntry e = f.getValue();
            boolean hose = e.kind().sizeUnit() == SizeUnit.DN;
            long[] m = metres.get(f.getKey());
            out.add(line(hose ? "hose" : "cable", f.getKey(), e.type(), m[0], BomLine.METRES,
                    hose ? BomCategory.HOSES : BomCategory.CABLING, ALL_TIERS,
                    e.size() + "; " + m[1] + " connections in the cable and hose schedule"));
        }
        return out;
    }

    /** @return the lines numbered 1..n in order */
    public static List<BomLine> number(List<BomLine> lines) {
        List<BomLine> out = new ArrayList<>(lines.size());
        for (BomLine l : lines) {
            out.add(new BomLine(out.size() + 1, l.item(), l.partNumber(), l.description(), l.quantity(), l.unit(),
                    l.category(), l.sourcingTiers(), l.notes()));
        }
        return out;
    }

    /** @return document notes: the CATL flag of the {@code *_dc_int} profiles */
    public static List<String> notes(ModuleResolution r) {
        List<String> notes = new ArrayList<>();
        if (r.bessCoupling() == BessCoupling.DC_INTEGRATED_PCS) {
            notes.add("CATL: profile " + r.deploymentProfile().json() + " uses the CATL BESS with integrated PCS "
                    + "(spec 002: flag in notes upstream); CATL is excluded from DoD procurement.");
        }
        notes.add("Quantities from the module resolution (profile " + r.deploymentProfile().json() + ", "
                + r.computeContainerCount() + " compute containers); cable and hose metres from the planning lengths "
                + "of the catalogue's spec.yaml ports.");
        return notes;
    }

    private static BomLine line(String item, String part, String description, long quantity, String unit,
            BomCategory category, List<SourcingTier> tiers, String notes) {
        return new BomLine(0, item, part, description, quantity, unit, category, tiers, notes);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Plain decimal without trailing zeros: 71.4, 100.1, 372.7, 2500. */
    static String num(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
