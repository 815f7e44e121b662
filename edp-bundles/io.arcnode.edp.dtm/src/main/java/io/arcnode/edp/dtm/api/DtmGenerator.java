package io.arcnode.edp.dtm.api;

import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.Dtms;
import io.arcnode.api.dtm.EmsMode;
import io.arcnode.api.dtm.Module;
import io.arcnode.api.dtm.ProtocolConfig;
import io.arcnode.api.dtm.RedfishConfig;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.assemblies.api.AssemblyCatalogue;
import io.arcnode.edp.assemblies.api.AssemblyTopology;
import io.arcnode.edp.assemblies.api.TopologyDevice;
import io.arcnode.edp.dtm.internal.DtmJson;
import io.arcnode.edp.dtm.internal.Uuid5;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Spec 002's DTM generator: instantiates the compute-container topology once per compute container
 * ({@code compute-01}.., positions {@code C01}..) and the grid-container variant of the profile once when the
 * resolution has one ({@code grid-01}, {@code G01}); {@code ems_mode = sim}. A pure function: no clock, no random,
 * same inputs give the same {@link Dtm} and the same bytes.
 *
 * <p>Per device: {@code device_uuid = uuid5(deployment_id, "<module_id>/<device_index>/<device_type>")} with
 * {@code device_index} the 0-based position in the assembly topology; {@code host = <topology host>.<module_id>}
 * (unique per container, still a DNS name); {@code port}, {@code protocol_config} and {@code description} verbatim,
 * except that a Redfish {@code password_secret_ref} gets the module id as the path segment before its last one
 * ({@code vault://arcnode/bmc/gpu-node-01} -> {@code vault://arcnode/bmc/compute-03/gpu-node-01}), so every
 * container's BMCs have their own vault entries.
 */
public final class DtmGenerator {

    /** Module type of compute containers (the assembly id). */
    public static final String COMPUTE_MODULE_TYPE = AssemblyCatalogue.COMPUTE_CONTAINER;
    /** Module id of the grid container. */
    public static final String GRID_MODULE_ID = "grid-01";
    /** Container position of the grid container. */
    public static final String GRID_POSITION = "G01";

    private DtmGenerator() {
    }

    /**
     * Builds the DTM.
     *
     * @throws IllegalArgumentException if payload and resolution name different deployments
     * @throws IllegalStateException    if the result breaks the DTM's module FK rule (a bug, not an input error)
     */
    public static Dtm generate(ConfiguratorPayload payload, ModuleResolution resolution, AssemblyCatalogue catalogue) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(catalogue, "catalogue");
        UUID deploymentId = resolution.deploymentId();
        if (!deploymentId.equals(payload.deploymentId())) {
            throw new IllegalArgumentException("payload deployment_id " + payload.deploymentId()
                    + " differs from resolution deployment_id " + deploymentId);
        }
        int n = resolution.computeContainerCount();
        if (n < 1) {
            throw new IllegalArgumentException("compute_container_count must be at least 1 (got " + n + ")");
        }
        List<Module> modules = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        AssemblyTopology compute = catalogue.topology(COMPUTE_MODULE_TYPE);
        String site = payload.deploymentSiteName();
        for (int i = 1; i <= n; i++) {
            String moduleId = computeModuleId(i, n);
            modules.add(new Module(moduleId, COMPUTE_MODULE_TYPE, computePosition(i, n),
                    "Compute container " + i + " of " + n + " at " + site + ": 7 x 8-GPU "
                            + gpuLabel(resolution) + " nodes (56 GPUs)"));
            instantiate(deploymentId, moduleId, compute, devices);
        }
        if (resolution.gridContainerPresent()) {
            AssemblyTopology grid = catalogue.topology(
                    AssemblyCatalogue.gridContainerAssembly(resolution.deploymentProfile()));
            modules.add(new Module(GRID_MODULE_ID, grid.assemblyId(), GRID_POSITION,
                    grid.description() + " (" + resolution.deploymentProfile().json() + " at " + site + ")"));
            instantiate(deploymentId, GRID_MODULE_ID, grid, devices);
        }
        Dtm dtm = new Dtm(deploymentId, EmsMode.SIM, DtmSizing.of(resolution), modules, devices);
        if (!Dtms.validate(dtm).isEmpty()) {
            throw new IllegalStateException("generated DTM breaks its own rules: " + Dtms.validate(dtm));
        }
        return dtm;
    }

    /** @return the DTM as {@code dtm.json} bytes: pretty (2 spaces, LF), UTF-8, trailing newline, deterministic */
    public static byte[] generateJson(ConfiguratorPayload payload, ModuleResolution resolution,
            AssemblyCatalogue catalogue) {
        return toJson(generate(payload, resolution, catalogue));
    }

    /** @return {@code dtm.json} bytes of an existing DTM, same format as {@link #generateJson} */
    public static byte[] toJson(Dtm dtm) {
        return DtmJson.write(dtm);
    }

    /** @return {@code uuid5(deploymentId, "<moduleId>/<deviceIndex>/<deviceType>")} */
    public static UUID deviceUuid(UUID deploymentId, String moduleId, int deviceIndex, String deviceType) {
        return Uuid5.of(deploymentId, moduleId + "/" + deviceIndex + "/" + deviceType);
    }

    /** {@code compute-01}; zero-padded to two digits, or to the digits of the count when it exceeds 99. */
    public static String computeModuleId(int index, int count) {
        return "compute-" + pad(index, count);
    }

    /** {@code C01}, padded like the module id. */
    public static String computePosition(int index, int count) {
        return "C" + pad(index, count);
    }

    private static String pad(int index, int count) {
        int width = Math.max(2, Integer.toString(count).length());
        String s = Integer.toString(index);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    private static void instantiate(UUID deploymentId, String moduleId, AssemblyTopology topology,
            List<Device> out) {
        List<TopologyDevice> devices = topology.devices();
        for (int i = 0; i < devices.size(); i++) {
            TopologyDevice t = devices.get(i);
            out.add(new Device(deviceUuid(deploymentId, moduleId, i, t.deviceType()), t.deviceType(), moduleId,
                    t.host() + "." + moduleId, t.port(), perModule(t.protocolConfig(), moduleId), t.description()));
        }
    }

    private static ProtocolConfig perModule(ProtocolConfig config, String moduleId) {
        if (config instanceof RedfishConfig r) {
            String ref = r.passwordSecretRef();
            int last = ref.lastIndexOf('/');
            return new RedfishConfig(r.username(), ref.substring(0, last) + "/" + moduleId + ref.substring(last),
                    r.serviceRoot(), r.resourceMaps());
        }
        return config;
    }

    private static String gpuLabel(ModuleResolution r) {
        return switch (r.gpuVariant()) {
            case H100_SXM -> "H100 SXM";
            case B200 -> "B200";
        };
    }
}
