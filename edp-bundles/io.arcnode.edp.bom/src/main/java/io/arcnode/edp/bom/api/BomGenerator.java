package io.arcnode.edp.bom.api;

import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.assemblies.api.AssemblyCatalogue;
import io.arcnode.edp.assemblies.api.AssemblyFiles;
import io.arcnode.edp.bom.internal.BomInputs;
import io.arcnode.edp.bom.internal.BomRules;
import io.arcnode.edp.bom.internal.ConnectionPlanner;
import io.arcnode.edp.bom.internal.SourcingGuard;
import java.util.ArrayList;
import java.util.List;

/**
 * Spec 002's BOM generator: ConfiguratorPayload + ModuleResolution -> {@link BomDocument} ({@code bom.json},
 * {@code bom.xlsx}). Pure and deterministic; the rules and constants are in the bundle README. The cabling and
 * hose lines sum the connections of the cable and hose schedule made from the catalogue shipped in
 * {@code io.arcnode.edp.assemblies}.
 */
public final class BomGenerator {

    /** The bundle that makes the BOM and the schedule, written into both documents. */
    public static final String GENERATOR = "io.arcnode.edp.bom";
    /** Revision of the rules; raise it when a rule or constant changes the output. */
    public static final String GENERATOR_REVISION = "1";

    private BomGenerator() {
    }

    /**
     * @throws IllegalArgumentException if payload and resolution name different deployments, the resolution is not
     *                                  the module resolver's result for the payload, or it pairs
     *                                  {@code dod_eligible} with {@code dc_integrated_pcs}
     * @throws IllegalStateException    if a line would not be procurable for the sourcing tier (a rule bug)
     */
    public static BomDocument generate(ConfiguratorPayload payload, ModuleResolution resolution) {
        BomInputs.check(payload, resolution);
        List<BomLine> lines = new ArrayList<>(BomRules.equipment(resolution));
        List<ScheduleEntry> connections = ConnectionPlanner.plan(payload, resolution,
                ConnectionPlanner.Counts.of(lines), Shipped.CATALOGUE);
        lines.addAll(BomRules.cabling(connections));
        List<BomLine> numbered = BomRules.number(lines);
        SourcingGuard.check(resolution.sourcingTier(), numbered);
        return new BomDocument(header(payload, resolution), numbered);
    }

    static DocumentHeader header(ConfiguratorPayload payload, ModuleResolution resolution) {
        return new DocumentHeader(resolution.deploymentId(), payload.operatorOrg(), payload.deploymentSiteName(),
                resolution.deploymentProfile(), resolution.sourcingTier(), GENERATOR, GENERATOR_REVISION,
                AssemblyFiles.CATALOGUE_REVISION, BomRules.notes(resolution));
    }

    /** The shipped catalogue, loaded once on first use. */
    private static final class Shipped {
        static final AssemblyCatalogue CATALOGUE = AssemblyCatalogue.load();
    }
}
