package io.arcnode.edp.pipeline.internal;

import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.edp.ArtifactKind;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.assemblies.api.AssemblyCatalogue;
import io.arcnode.edp.drawing.api.CommsDiagram;
import io.arcnode.edp.drawing.api.Drawing;
import io.arcnode.edp.drawing.api.PidCooling;
import io.arcnode.edp.drawing.api.SingleLineDiagram;
import io.arcnode.edp.dtm.api.DtmGenerator;
import io.arcnode.edp.hardware.api.HardwareSelection;
import io.arcnode.edp.installationgraph.api.InstallationGraph;
import io.arcnode.edp.pipeline.api.ArtifactStore;
import io.arcnode.edp.pipeline.api.ArtifactStoreException;
import io.arcnode.edp.pipeline.api.EdpPlan;
import java.io.FileNotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of one package, one artifact kind (or one plate) at a time, for {@code EdpPipeline.run}. Generated
 * artifacts come from the generator bundles; the 3D models and plates are copied from the assemblies in the
 * artifact store, where the hardware selection points. The DTM and the BOM are built once and reused by the
 * comms diagram and the cable schedule. Not thread-safe: one instance per run.
 */
public final class PackageArtifacts {

    private final EdpPlan plan;
    private final AssemblyCatalogue catalogue;
    private final ArtifactStore assemblies;
    private final String revision;
    private final String date;
    private Dtm dtm;
    private final BomFiles bom;

    public PackageArtifacts(EdpPlan plan, AssemblyCatalogue catalogue, ArtifactStore assemblies, String revision,
            String date) {
        this.plan = plan;
        this.catalogue = catalogue;
        this.assemblies = assemblies;
        this.revision = revision;
        this.date = date;
        this.bom = new BomFiles(plan.payload(), plan.resolution(), catalogue);
    }

    /**
     * @param plateId the plate for {@link ArtifactKind#INTERFACE_PLATE}, else {@code null}
     * @return format -> bytes of every format of the kind (the plan picks the ones it lists)
     * @throws ArtifactStoreException when an assembly file cannot be read from the store
     */
    public Map<String, byte[]> files(ArtifactKind kind, String plateId) throws ArtifactStoreException {
        ConfiguratorPayload p = plan.payload();
        ModuleResolution r = plan.resolution();
        HardwareSelection s = plan.selection();
        return switch (kind) {
            case BOM -> bom.bom();
            case COMPUTE_CONTAINER_3D -> copy("step", s.computeContainer().step(), "glb", s.computeContainer().glb());
            case GRID_CONTAINER_3D -> copy("step", s.gridContainer().step(), "glb", s.gridContainer().glb());
            case INTERFACE_PLATE -> {
                HardwareSelection.Plate plate = s.plate(plateId).orElseThrow(() -> new IllegalStateException(
                        "plan lists plate " + plateId + " that the selection lacks"));
                Map<String, byte[]> m = copy("step", plate.step(), "dxf", plate.dxf());
                m.putAll(copy("pdf", plate.pdf()));
                yield m;
            }
            case SLD -> drawing(SingleLineDiagram.generate(p, r, revision, date));
            case PID_COOLING -> drawing(PidCooling.generate(p, r, revision, date));
            case COMMS_DIAGRAM -> drawing(CommsDiagram.generate(p, r, dtm(), revision, date));
            case CABLE_HOSE_SCHEDULE -> bom.cableHoseSchedule();
            case INSTALLATION_GRAPH -> drawing(InstallationGraph.generate(p, r, revision, date));
            case DTM -> formats("json", DtmGenerator.toJson(dtm()));
        };
    }

    private Dtm dtm() {
        if (dtm == null) {
            dtm = DtmGenerator.generate(plan.payload(), plan.resolution(), catalogue);
        }
        return dtm;
    }

    private static Map<String, byte[]> drawing(Drawing d) {
        return formats("dxf", d.dxf(), "pdf", d.pdf());
    }

    /** Alternating format, bytes pairs, in order. */
    static Map<String, byte[]> formats(Object... pairs) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (byte[]) pairs[i + 1]);
        }
        return m;
    }

    /** Alternating format, assembly URL pairs: each file read from the store. */
    private Map<String, byte[]> copy(String... pairs) throws ArtifactStoreException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            String key = ArtifactStore.keyOf(pairs[i + 1]);
            byte[] bytes = assemblies.get(key).orElseThrow(() -> new ArtifactStoreException(key, "read",
                    new FileNotFoundException("no such object in the artifact store")));
            m.put(pairs[i], bytes);
        }
        return m;
    }
}
