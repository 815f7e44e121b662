package io.arcnode.edp.jobs.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.config.api.ArcnodeConfig;
import io.arcnode.edp.assemblies.api.AssemblyFiles;
import io.arcnode.edp.hardware.api.HardwareMapException;
import io.arcnode.edp.pipeline.api.ArtifactStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoresTest {

    /** The configuration service as the config bundle publishes it: sections without null keys, plus secrets. */
    private static ArcnodeConfig config(String stage, Map<String, Object> artifactStore) {
        return new ArcnodeConfig() {
            @Override
            public String stage() {
                return stage;
            }

            @Override
            public Map<String, Map<String, Object>> sections() {
                return Map.of("artifact_store", artifactStore);
            }

            @Override
            public Optional<String> secret(String name) {
                return Optional.empty();
            }
        };
    }

    @Test
    void seedingPutsWhatIsMissingOnceAndLeavesReplacedFilesAlone(@TempDir Path dir) throws Exception {
        ArtifactStore store = ArtifactStore.folder(dir);
        assertEquals(AssemblyFiles.keys().size(), ArtifactStores.seedCatalogue(store));
        assertEquals(0, ArtifactStores.seedCatalogue(store), "second start: nothing to seed");
        String key = "assemblies/plates/plate_cl.pdf";
        byte[] replaced = "a revised plate drawing".getBytes(StandardCharsets.UTF_8);
        store.put(key, replaced);
        Files.delete(dir.resolve("assemblies/plates/plate_nw.step"));
        assertEquals(1, ArtifactStores.seedCatalogue(store));
        assertArrayEquals(replaced, store.get(key).orElseThrow(), "an existing object is not overwritten");
        assertArrayEquals(AssemblyFiles.all().get("assemblies/plates/plate_nw.step"),
                store.get("assemblies/plates/plate_nw.step").orElseThrow());
    }

    @Test
    void localPathGivesAFolderStoreAndOnlyLocalAndDemoSeed(@TempDir Path dir) throws Exception {
        Map<String, Object> section = new HashMap<>(Map.of("bucket", "arcnode-artifacts",
                "local_path", dir.resolve("artifacts").toString(), "s3_endpoint_url", "http://localhost:4566"));
        try (ArtifactStore store = ArtifactStores.fromConfig(config("local", section))) {
            store.put("edp/x/bom.json", new byte[] {1});
            assertTrue(Files.exists(dir.resolve("artifacts/edp/x/bom.json")), "the folder wins over the endpoint");
        }
        assertTrue(ArtifactStores.describe(config("local", section)).startsWith("folder "));
        assertTrue(ArtifactStores.seedsCatalogue("local"));
        assertTrue(ArtifactStores.seedsCatalogue("demo"));
        assertFalse(ArtifactStores.seedsCatalogue("beta"));
    }

    @Test
    void aBadS3ConfigurationIsAStartupErrorNamingTheSection() {
        Map<String, Object> section = Map.of("bucket", "Not_A_Bucket", "s3_endpoint_url", "http://127.0.0.1:9");
        ArtifactStores.StoreConfigException e = assertThrows(ArtifactStores.StoreConfigException.class,
                () -> ArtifactStores.fromConfig(config("beta", section)));
        assertTrue(e.getMessage().startsWith("artifact_store: "), e.getMessage());
        assertTrue(e.getMessage().contains("Not_A_Bucket"), e.getMessage());
        assertEquals("s3 http://127.0.0.1:9 bucket Not_A_Bucket", ArtifactStores.describe(config("beta", section)));
    }

    @Test
    void theMapFileIsThePropertyThenTheEnvironmentElseBuiltIn(@TempDir Path dir) throws Exception {
        assertEquals("/p.yaml", HardwareMaps.file("/p.yaml", "/e.yaml"));
        assertEquals("/e.yaml", HardwareMaps.file(" ", "/e.yaml"));
        assertNull(HardwareMaps.file(null, ""));
        ArtifactStore store = ArtifactStore.folder(dir.resolve("store"));
        HardwareMapException missing = assertThrows(HardwareMapException.class,
                () -> HardwareMaps.load(store, dir.resolve("none.yaml").toString()));
        assertTrue(HardwareMaps.oneLine(missing).startsWith(dir.resolve("none.yaml") + ": cannot read"),
                HardwareMaps.oneLine(missing));
        // the built-in map against an empty store: every file is missing, the first profile is named
        HardwareMapException empty = assertThrows(HardwareMapException.class, () -> HardwareMaps.load(store, null));
        String line = HardwareMaps.oneLine(empty);
        assertTrue(line.startsWith("map/hardware_selector_map.yaml: profile 'commercial_no_bess': "), line);
        assertTrue(line.contains("more problem(s))") && !line.contains("\n"), line);
        ArtifactStores.seedCatalogue(store);
        assertEquals("s3://arcnode-artifacts/assemblies/grid_container_defense/grid_container_defense.step",
                HardwareMaps.load(store, null).select(io.arcnode.api.edp.DeploymentProfile.DOD_AC).gridContainer()
                        .step(), "seeded store satisfies the built-in map");
    }
}
