package io.arcnode.edp.pipeline.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.ValidationException;
import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.Dtms;
import io.arcnode.api.edp.ArtifactKind;
import io.arcnode.api.edp.ArtifactRef;
import io.arcnode.api.edp.ClimateZone;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ConfiguratorPayloads;
import io.arcnode.api.edp.DeploymentProfile;
import io.arcnode.api.edp.EnergySource;
import io.arcnode.api.edp.GridConnection;
import io.arcnode.edp.assemblies.api.AssemblyCatalogue;
import io.arcnode.edp.assemblies.api.AssemblyFiles;
import io.arcnode.edp.hardware.api.HardwareSelector;
import io.arcnode.edp.pipeline.internal.MemoryArtifactStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EdpPipelineTest {

    private static final EdpPipeline PIPELINE = EdpPipeline.offline();

    /** Runs a package into a fresh memory store and returns key -> bytes in write order. */
    static Map<String, byte[]> generate(EdpPipeline pipeline, ConfiguratorPayload payload) throws Exception {
        EdpPlan plan = pipeline.plan(payload);
        Map<String, byte[]> out = new LinkedHashMap<>();
        ArtifactStore store = new MemoryArtifactStore(Map.of()) {
            @Override
            public void put(String key, byte[] bytes) {
                super.put(key, bytes);
                out.put(key, bytes);
            }
        };
        pipeline.run(plan, store, ProgressListener.NONE);
        return out;
    }

    @ParameterizedTest
    @EnumSource(DeploymentProfile.class)
    void everyProfileGetsAllTenKindsWithItsPlates(DeploymentProfile profile) throws Exception {
        ConfiguratorPayload payload = Payloads.of(profile, 560);
        EdpPlan plan = PIPELINE.plan(payload);
        assertEquals(profile, plan.resolution().deploymentProfile());
        Map<String, byte[]> files = generate(PIPELINE, payload);
        assertEquals(plan.artifacts().stream().map(ArtifactPlan::key).toList(), new ArrayList<>(files.keySet()),
                "every planned artifact written, in plan order");
        Set<ArtifactKind> kinds = plan.artifacts().stream().map(ArtifactRef::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ArtifactKind.class)));
        assertEquals(EnumSet.allOf(ArtifactKind.class), kinds, profile.json());
        List<String> plates = plan.artifacts().stream().filter(r -> r.kind() == ArtifactKind.INTERFACE_PLATE)
                .map(ArtifactRef::plateId).distinct().toList();
        boolean dc = profile.json().endsWith("_dc_ext") || profile.json().endsWith("_dc_int");
        assertEquals(dc ? List.of("CL", "NW", "CG", "BT") : List.of("CL", "NW", "CG"), plates, profile.json());
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            assertFormat(f.getKey(), f.getValue());
        }
    }

    @ParameterizedTest
    @EnumSource(DeploymentProfile.class)
    void samePayloadGivesByteIdenticalArtifacts(DeploymentProfile profile) throws Exception {
        ConfiguratorPayload payload = Payloads.of(profile, 2 * 56 + 1);
        Map<String, byte[]> first = generate(PIPELINE, payload);
        // a new pipeline and a payload read back from its JSON: nothing may depend on instance or object identity
        Map<String, byte[]> second = generate(EdpPipeline.offline(),
                ConfiguratorPayloads.parse(Payloads.json(payload)));
        assertEquals(first.keySet(), second.keySet());
        for (String key : first.keySet()) {
            assertArrayEquals(first.get(key), second.get(key), key);
        }
    }

    @Test
    void offGridWithoutBessHasNoGridContainerAndNoGridPlate() throws Exception {
        ConfiguratorPayload payload = Payloads.of(DeploymentProfile.DOD_NO_BESS, 56, EnergySource.OFF_GRID,
                GridConnection.NONE, ClimateZone.ARID_HOT);
        EdpPlan plan = PIPELINE.plan(payload);
        assertFalse(plan.resolution().gridContainerPresent());
        Map<String, byte[]> files = generate(PIPELINE, payload);
        assertEquals(21, files.size());
        assertFalse(files.keySet().stream().anyMatch(k -> k.endsWith("/grid_container.step")
                || k.contains("/plate_cg.")));
    }

    @Test
    void modelsAndPlatesAreTheCatalogueFilesOfTheSelection() throws Exception {
        Map<String, byte[]> catalogue = AssemblyFiles.all();
        Map<String, byte[]> files = generate(PIPELINE, Payloads.of(DeploymentProfile.DOD_DC_EXT, 56));
        String p = "edp/" + Payloads.ID + "/";
        assertArrayEquals(catalogue.get("assemblies/compute_container/compute_container.step"),
                files.get(p + "compute_container.step"));
        assertArrayEquals(catalogue.get("assemblies/grid_container_defense/grid_container_defense.glb"),
                files.get(p + "grid_container.glb"));
        assertArrayEquals(catalogue.get("assemblies/plates/plate_bt.pdf"), files.get(p + "plate_bt.pdf"));
    }

    @Test
    void dtmOfThePackageIsValidAndHasOneComputeModulePerContainer() throws Exception {
        Map<String, byte[]> files = generate(PIPELINE, Payloads.of(DeploymentProfile.FEDERAL_AC, 57));
        Dtm dtm = Dtms.parse(new String(files.get("edp/" + Payloads.ID + "/dtm.json"), StandardCharsets.UTF_8));
        assertEquals(List.of(), Dtms.validate(dtm));
        assertEquals(2, dtm.modules().stream().filter(m -> m.moduleType().equals("compute_container")).count());
    }

    @Test
    void invalidPayloadIsRefusedBeforeAnythingIsPlanned() {
        ConfiguratorPayload dodDcInt = Payloads.of(DeploymentProfile.DOD_DC_EXT, 56);
        ConfiguratorPayload bad = new ConfiguratorPayload(dodDcInt.deploymentId(), dodDcInt.operatorOrg(),
                dodDcInt.deploymentSiteName(), dodDcInt.contactEmail(), dodDcInt.energySource(),
                dodDcInt.sourceCapacityMw(), dodDcInt.primaryWorkload(), dodDcInt.gpuVariant(),
                dodDcInt.targetGpuCount(), io.arcnode.api.edp.BessCoupling.DC_INTEGRATED_PCS,
                dodDcInt.bessCapacityMwh(), dodDcInt.gridConnection(), dodDcInt.climateZone(),
                dodDcInt.deploymentContext(), dodDcInt.awsPartition());
        ValidationException e = assertThrows(ValidationException.class, () -> PIPELINE.plan(bad));
        assertEquals(ConfiguratorPayloads.DOD_EXCLUDES_DC_INTEGRATED_PCS, e.violations().get(0).rule());
        ValidationException json = assertThrows(ValidationException.class,
                () -> PIPELINE.plan("{\"deployment_id\": \"not-a-uuid\"}"));
        assertTrue(json.violations().stream().anyMatch(v -> v.field().equals("deployment_id")), json.getMessage());
    }

    @Test
    void aFailedWriteStopsTheRunAndNamesItsKey() throws Exception {
        EdpPlan plan = PIPELINE.plan(Payloads.of(DeploymentProfile.COMMERCIAL_AC, 56));
        String failing = "edp/" + Payloads.ID + "/sld.pdf";
        List<String> written = new ArrayList<>();
        ArtifactStore failingStore = new ArtifactStore() {
            @Override
            public void put(String key, byte[] bytes) throws ArtifactStoreException {
                if (key.equals(failing)) {
                    throw new ArtifactStoreException(key, "write", new java.io.IOException("disk full"));
                }
                written.add(key);
            }

            @Override
            public Optional<byte[]> get(String key) {
                return Optional.empty();
            }

            @Override
            public boolean exists(String key) {
                return false;
            }
        };
        ArtifactStoreException e = assertThrows(ArtifactStoreException.class,
                () -> PIPELINE.run(plan, failingStore, ProgressListener.NONE));
        assertEquals(failing, e.key());
        assertTrue(e.getMessage().contains(failing) && e.getMessage().contains("disk full"), e.getMessage());
        assertEquals(plan.artifacts().stream().map(ArtifactPlan::key).takeWhile(k -> !k.equals(failing)).toList(),
                written, "nothing is written after the failed key");
    }

    @Test
    void aMissingAssemblyFileFailsTheRunNamingItsKey() throws Exception {
        Map<String, byte[]> files = new TreeMap<>(AssemblyFiles.all());
        MemoryArtifactStore assemblies = new MemoryArtifactStore(files);
        EdpPipeline pipeline = EdpPipeline.create(AssemblyCatalogue.load(), HardwareSelector.load(assemblies::exists),
                assemblies);
        EdpPlan plan = pipeline.plan(Payloads.of(DeploymentProfile.COMMERCIAL_DC_INT, 56));
        // the assembly disappears after startup validation (deleted from the bucket)
        MemoryArtifactStore without = new MemoryArtifactStore(files) {
            @Override
            public Optional<byte[]> get(String key) {
                return key.endsWith("plate_nw.dxf") ? Optional.empty() : super.get(key);
            }
        };
        EdpPipeline broken = EdpPipeline.create(AssemblyCatalogue.load(), HardwareSelector.load(without::exists),
                without);
        ArtifactStoreException e = assertThrows(ArtifactStoreException.class,
                () -> broken.run(plan, new MemoryArtifactStore(Map.of()), ProgressListener.NONE));
        assertEquals("assemblies/plates/plate_nw.dxf", e.key());
        assertTrue(e.getMessage().contains("no such object"), e.getMessage());
    }

    @Test
    void progressIsReportedOncePerArtifactInOrder() throws Exception {
        EdpPlan plan = PIPELINE.plan(Payloads.of(DeploymentProfile.FEDERAL_DC_EXT, 56));
        List<String> seen = new ArrayList<>();
        PIPELINE.run(plan, new MemoryArtifactStore(Map.of()), (ref, index, total, bytes) -> {
            assertEquals(plan.artifacts().size(), total);
            assertEquals(seen.size() + 1, index);
            assertTrue(bytes > 0, ref.url());
            seen.add(ref.url());
        });
        assertEquals(plan.artifacts().stream().map(ArtifactRef::url).toList(), seen);
    }

    private static void assertFormat(String key, byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 16), StandardCharsets.ISO_8859_1);
        String ext = key.substring(key.lastIndexOf('.') + 1);
        switch (ext) {
            case "pdf" -> assertTrue(head.startsWith("%PDF-"), key);
            case "step" -> assertTrue(head.startsWith("ISO-10303-21;"), key);
            case "glb" -> assertTrue(head.startsWith("glTF"), key);
            case "xlsx" -> assertTrue(head.startsWith("PK"), key);
            case "json" -> assertTrue(head.startsWith("{"), key);
            case "dxf" -> assertTrue(head.trim().startsWith("0"), key);
            default -> throw new AssertionError("unexpected format " + key);
        }
    }
}
