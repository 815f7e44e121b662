package io.arcnode.edp.pipeline.internal;

import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.assemblies.api.AssemblyCatalogue;
import io.arcnode.edp.bom.api.BomDocument;
import io.arcnode.edp.bom.api.BomGenerator;
import io.arcnode.edp.bom.api.CableHoseSchedule;
import io.arcnode.edp.bom.api.CableHoseScheduleGenerator;
import java.util.Map;

/** {@code bom.json/.xlsx} and {@code cable_hose_schedule.json/.xlsx} of one package; the BOM is built once. */
final class BomFiles {

    private final ConfiguratorPayload payload;
    private final ModuleResolution resolution;
    private final AssemblyCatalogue catalogue;
    private BomDocument bom;

    BomFiles(ConfiguratorPayload payload, ModuleResolution resolution, AssemblyCatalogue catalogue) {
        this.payload = payload;
        this.resolution = resolution;
        this.catalogue = catalogue;
    }

    Map<String, byte[]> bom() {
        BomDocument b = document();
        return PackageArtifacts.formats("json", b.toJson(), "xlsx", b.toXlsx());
    }

    Map<String, byte[]> cableHoseSchedule() {
        CableHoseSchedule s = CableHoseScheduleGenerator.generate(payload, resolution, document(), catalogue);
        return PackageArtifacts.formats("json", s.toJson(), "xlsx", s.toXlsx());
    }

    private BomDocument document() {
        if (bom == null) {
            bom = BomGenerator.generate(payload, resolution);
        }
        return bom;
    }
}
