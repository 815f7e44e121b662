package io.arcnode.edp.pipeline.api;

import io.arcnode.api.edp.ArtifactKind;
import io.arcnode.api.edp.ArtifactRef;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.hardware.api.HardwareSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The artifact list of an Engineering Delivery Package: a pure function of the module resolution and the hardware
 * selection (both pure functions of the payload), so every URL is known when the job is accepted.
 *
 * <p>URL: {@code s3://arcnode-artifacts/edp/{deployment_id}/{artifact_name}.{ext}}, {@code artifact_name} from spec
 * 002's name mapping table. Fixed order (spec 002's artifact table, formats in the table's order):
 * <ol>
 *   <li>{@code bom.json}, {@code bom.xlsx}</li>
 *   <li>{@code compute_container.step}, {@code .glb}</li>
 *   <li>{@code grid_container.step}, {@code .glb} — only when {@code grid_container_present}</li>
 *   <li>interface plates in the order CL, NW, CG, BT, each {@code plate_<id>.step}, {@code .dxf}, {@code .pdf}: CL and
 *       NW always, CG only when a grid container is present, BT only when the profile's selection lists it</li>
 *   <li>{@code sld.dxf}, {@code .pdf}</li>
 *   <li>{@code pid_cooling.dxf}, {@code .pdf}</li>
 *   <li>{@code comms.dxf}, {@code .pdf}</li>
 *   <li>{@code cable_hose_schedule.json}, {@code .xlsx}</li>
 *   <li>{@code installation_graph.dxf}, {@code .pdf}</li>
 *   <li>{@code dtm.json}</li>
 * </ol>
 */
public final class ArtifactPlan {

    /** Key prefix of every EDP artifact: {@code edp/}. */
    public static final String KEY_PREFIX = "edp/";
    /** Interface plates in planning order. */
    public static final List<String> PLATE_ORDER = List.of("CL", "NW", "CG", "BT");

    private ArtifactPlan() {
    }

    /**
     * @param resolution the module resolution of the payload
     * @param selection  the hardware selection of {@code resolution.deploymentProfile()}
     * @return the ordered artifact references (immutable)
     * @throws IllegalArgumentException when the selection is for another profile, or lacks a plate the package needs
     */
    public static List<ArtifactRef> plan(ModuleResolution resolution, HardwareSelection selection) {
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(selection, "selection");
        UUID id = Objects.requireNonNull(resolution.deploymentId(), "resolution.deploymentId");
        if (selection.profile() != resolution.deploymentProfile()) {
            throw new IllegalArgumentException("hardware selection is for profile " + selection.profile().json()
                    + " but the resolution is " + resolution.deploymentProfile());
        }
        List<ArtifactRef> refs = new ArrayList<>(32);
        add(refs, id, ArtifactKind.BOM, null, "json", "xlsx");
        add(refs, id, ArtifactKind.COMPUTE_CONTAINER_3D, null, "step", "glb");
        if (resolution.gridContainerPresent()) {
            add(refs, id, ArtifactKind.GRID_CONTAINER_3D, null, "step", "glb");
        }
        for (String plate : PLATE_ORDER) {
            boolean listed = selection.plate(plate).isPresent();
            boolean wanted = switch (plate) {
                case "CL", "NW" -> true;
                case "CG" -> resolution.gridContainerPresent();
                default -> listed; // BT: only when the profile can have it
            };
            if (wanted && !listed) {
                throw new IllegalArgumentException("hardware selection of profile " + selection.profile().json()
                        + " lacks interface plate " + plate);
            }
            if (wanted) {
                add(refs, id, ArtifactKind.INTERFACE_PLATE, plate, "step", "dxf", "pdf");
            }
        }
        add(refs, id, ArtifactKind.SLD, null, "dxf", "pdf");
        add(refs, id, ArtifactKind.PID_COOLING, null, "dxf", "pdf");
        add(refs, id, ArtifactKind.COMMS_DIAGRAM, null, "dxf", "pdf");
        add(refs, id, ArtifactKind.CABLE_HOSE_SCHEDULE, null, "json", "xlsx");
        add(refs, id, ArtifactKind.INSTALLATION_GRAPH, null, "dxf", "pdf");
        add(refs, id, ArtifactKind.DTM, null, "json");
        return List.copyOf(refs);
    }

    private static void add(List<ArtifactRef> refs, UUID id, ArtifactKind kind, String plateId, String... formats) {
        for (String format : formats) {
            refs.add(new ArtifactRef(kind, format, url(id, kind, plateId, format), plateId));
        }
    }

    /**
     * Spec 002's {@code artifact_name} mapping.
     *
     * @param plateId the plate id (upper case) for {@link ArtifactKind#INTERFACE_PLATE}, otherwise {@code null}
     * @throws IllegalArgumentException when a plate id is missing for a plate or given for another kind
     */
    public static String artifactName(ArtifactKind kind, String plateId) {
        Objects.requireNonNull(kind, "kind");
        if ((kind == ArtifactKind.INTERFACE_PLATE) != (plateId != null)) {
            throw new IllegalArgumentException("plate_id must be set exactly for interface_plate (kind " + kind.json()
                    + ", plate_id " + plateId + ")");
        }
        return switch (kind) {
            case BOM -> "bom";
            case COMPUTE_CONTAINER_3D -> "compute_container";
            case GRID_CONTAINER_3D -> "grid_container";
            case INTERFACE_PLATE -> "plate_" + plateId.toLowerCase(Locale.ROOT);
            case SLD -> "sld";
            case PID_COOLING -> "pid_cooling";
            case COMMS_DIAGRAM -> "comms";
            case CABLE_HOSE_SCHEDULE -> "cable_hose_schedule";
            case INSTALLATION_GRAPH -> "installation_graph";
            case DTM -> "dtm";
        };
    }

    /** @return {@code edp/{deployment_id}/{artifact_name}.{format}} */
    public static String key(UUID deploymentId, ArtifactKind kind, String plateId, String format) {
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(format, "format");
        return KEY_PREFIX + deploymentId + "/" + artifactName(kind, plateId) + "." + format;
    }

    /** @return {@code s3://arcnode-artifacts/edp/{deployment_id}/{artifact_name}.{format}} */
    public static String url(UUID deploymentId, ArtifactKind kind, String plateId, String format) {
        return ArtifactStore.URL_PREFIX + key(deploymentId, kind, plateId, format);
    }

    /**
     * The store key of an artifact: its URL without {@code s3://arcnode-artifacts/}, i.e.
     * {@code edp/{deployment_id}/{artifact_name}.{ext}}.
     *
     * @throws IllegalArgumentException when the URL is not an EDP artifact URL of the bucket
     */
    public static String key(ArtifactRef ref) {
        Objects.requireNonNull(ref, "ref");
        String key = ArtifactStore.keyOf(ref.url());
        if (!key.startsWith(KEY_PREFIX)) {
            throw new IllegalArgumentException("not an EDP artifact URL (expected " + ArtifactStore.URL_PREFIX
                    + KEY_PREFIX + "...): " + ref.url());
        }
        return key;
    }
}
