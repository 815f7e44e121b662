package io.arcnode.edp.bom.api;

import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.assemblies.api.AssemblyCatalogue;
import io.arcnode.edp.bom.internal.BomInputs;
import io.arcnode.edp.bom.internal.ConnectionPlanner;
import java.util.Objects;

/**
 * Spec 002 artifact 8: the cable and hose schedule, derived from the BOM's lines (how many containers, racks, PCS
 * units, aggregation switches) and the catalogue's {@code spec.yaml} ports (what connects to what, with which cable
 * or hose). One entry per physical connection. Pure and deterministic.
 */
public final class CableHoseScheduleGenerator {

    private CableHoseScheduleGenerator() {
    }

    /**
     * @param bom       the BOM of the same deployment ({@link BomGenerator#generate})
     * @param catalogue the catalogue whose {@link AssemblyCatalogue#spec} ports are connected
     * @throws IllegalArgumentException on the input rules of {@link BomGenerator#generate}, or a BOM of another
     *                                  deployment or without compute containers and aggregation switches
     * @throws IllegalStateException    if the catalogue lacks a port the resolution needs (e.g. no {@code bess_rack}
     *                                  port on the grid container of a {@code *_dc_ext} profile)
     */
    public static CableHoseSchedule generate(ConfiguratorPayload payload, ModuleResolution resolution, BomDocument bom,
            AssemblyCatalogue catalogue) {
        BomInputs.check(payload, resolution);
        Objects.requireNonNull(bom, "bom");
        Objects.requireNonNull(catalogue, "catalogue");
        if (!bom.header().deploymentId().equals(resolution.deploymentId())) {
            throw new IllegalArgumentException("BOM of deployment " + bom.header().deploymentId()
                    + ", resolution of " + resolution.deploymentId());
        }
        return new CableHoseSchedule(BomGenerator.header(payload, resolution),
                ConnectionPlanner.plan(payload, resolution, ConnectionPlanner.Counts.of(bom.lines()), catalogue));
    }
}
