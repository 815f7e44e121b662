package io.arcnode.edp.pipeline.api;

import io.arcnode.api.ValidationException;
import io.arcnode.api.edp.ArtifactKind;
import io.arcnode.api.edp.ArtifactRef;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ConfiguratorPayloads;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.assemblies.api.AssemblyCatalogue;
import io.arcnode.edp.assemblies.api.AssemblyFiles;
import io.arcnode.edp.hardware.api.HardwareSelection;
import io.arcnode.edp.hardware.api.HardwareSelector;
import io.arcnode.edp.pipeline.internal.MemoryArtifactStore;
import io.arcnode.edp.pipeline.internal.PackageArtifacts;
import io.arcnode.edp.resolver.api.ModuleResolver;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Spec 002's pipeline: {@code ConfiguratorPayload -> ModuleResolution -> hardware selection -> generators ->
 * artifact store}. Stateless and deterministic: the same payload gives the same artifact list and byte-identical
 * files. Thread-safe; one instance serves any number of concurrent runs.
 *
 * <p>The platform's jobs, the {@code arcnode edp generate} CLI and the workbench all run this class; they differ only
 * in where the assembly files are read ({@link #create}: the artifact store, {@link #offline()}: the catalogue
 * shipped in {@code io.arcnode.edp.assemblies}) and where the package is written.
 */
public final class EdpPipeline implements EdpGenerator {

    /** Revision printed in the drawings' title blocks. */
    public static final String REVISION = "A";
    /**
     * Issue date printed in the drawings and written into PDF and XLSX metadata. The payload carries no date and the
     * same payload must give the same bytes, so it is the date of the assemblies catalogue release the package is
     * built from, never the clock.
     */
    public static final String ISSUE_DATE = AssemblyFiles.CATALOGUE_DATE;

    private final AssemblyCatalogue catalogue;
    private final HardwareSelector selector;
    private final ArtifactStore assemblies;

    private EdpPipeline(AssemblyCatalogue catalogue, HardwareSelector selector, ArtifactStore assemblies) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.selector = Objects.requireNonNull(selector, "selector");
        this.assemblies = Objects.requireNonNull(assemblies, "assemblies");
    }

    /**
     * A pipeline whose 3D models and plates are read from {@code assemblies} (where the selector's URLs point).
     *
     * @param selector a selector already validated against {@code assemblies}
     */
    public static EdpPipeline create(AssemblyCatalogue catalogue, HardwareSelector selector, ArtifactStore assemblies) {
        return new EdpPipeline(catalogue, selector, assemblies);
    }

    /**
     * A pipeline that needs no store and no network: the assembly files are the catalogue shipped in
     * {@code io.arcnode.edp.assemblies}, the map is the shipped {@code hardware_selector_map.yaml}.
     */
    public static EdpPipeline offline() {
        ArtifactStore bundled = new MemoryArtifactStore(AssemblyFiles.all());
        return new EdpPipeline(AssemblyCatalogue.load(), HardwareSelector.load(bundled::exists), bundled);
    }

    /**
     * Validates a JSON payload and plans its package.
     *
     * @throws ValidationException naming every field and rule that the payload breaks
     */
    public EdpPlan plan(String payloadJson) {
        return plan(ConfiguratorPayloads.parse(payloadJson));
    }

    /**
     * Plans the package of a payload: resolution, hardware selection, every artifact URL.
     *
     * @throws ValidationException when the payload breaks one of spec 002's model rules
     */
    @Override
    public EdpPlan plan(ConfiguratorPayload payload) {
        Objects.requireNonNull(payload, "payload");
        var violations = ConfiguratorPayloads.validate(payload);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        ModuleResolution resolution = ModuleResolver.resolve(payload);
        HardwareSelection selection = selector.select(resolution.deploymentProfile());
        return new EdpPlan(payload, resolution, selection, ArtifactPlan.plan(resolution, selection));
    }

    /**
     * Generates every artifact of the plan, in plan order, and writes each to {@code target} under its key
     * {@code edp/{deployment_id}/{artifact_name}.{ext}}. Stops at the first failure: a package is complete or the
     * run failed.
     *
     * @throws ArtifactStoreException naming the key of the first read or write that failed
     */
    @Override
    public void run(EdpPlan plan, ArtifactStore target, ProgressListener listener) throws ArtifactStoreException {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(listener, "listener");
        PackageArtifacts files = new PackageArtifacts(plan, catalogue, assemblies, REVISION, ISSUE_DATE);
        List<ArtifactRef> refs = plan.artifacts();
        Map<String, byte[]> group = Map.of();
        ArtifactKind groupKind = null;
        String groupPlate = null;
        for (int i = 0; i < refs.size(); i++) {
            ArtifactRef ref = refs.get(i);
            if (ref.kind() != groupKind || !Objects.equals(ref.plateId(), groupPlate)) {
                groupKind = ref.kind();
                groupPlate = ref.plateId();
                group = files.files(groupKind, groupPlate);
            }
            byte[] bytes = group.get(ref.format());
            if (bytes == null) {
                throw new IllegalStateException("no " + ref.format() + " file for " + ref.kind().json());
            }
            target.put(ArtifactPlan.key(ref), bytes);
            listener.written(ref, i + 1, refs.size(), bytes.length);
        }
    }

    /** @return the module assembly topologies the DTMs are built from */
    public AssemblyCatalogue catalogue() {
        return catalogue;
    }
}
