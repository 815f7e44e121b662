package io.arcnode.edp.pipeline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.arcnode.api.edp.DeploymentProfile;
import io.arcnode.edp.assemblies.api.AssemblyFiles;
import io.arcnode.edp.hardware.api.HardwareMapException;
import io.arcnode.edp.hardware.api.HardwareSelector;

/**
 * The assemblies catalogue seeded into a folder store is exactly what the hardware selector map points at: every
 * URL of all 11 profiles resolves, and a missing file stops loading with the profile named.
 */
class CatalogueSeedTest {

    @Test
    void seededStoreSatisfiesTheHardwareMap(@TempDir Path root) throws Exception {
        ArtifactStore store = ArtifactStore.folder(root);
        for (Map.Entry<String, byte[]> f : AssemblyFiles.all().entrySet()) {
            store.put(f.getKey(), f.getValue());
        }
        HardwareSelector selector = HardwareSelector.load(store::exists);
        for (DeploymentProfile p : DeploymentProfile.values()) {
            String step = selector.select(p).computeContainer().step();
            assertTrue(store.exists(ArtifactStore.keyOf(step)), p + ": " + step);
        }
    }

    @Test
    void aMissingCatalogueFileNamesTheProfile(@TempDir Path root) throws Exception {
        ArtifactStore store = ArtifactStore.folder(root);
        for (Map.Entry<String, byte[]> f : AssemblyFiles.all().entrySet()) {
            if (!f.getKey().equals("assemblies/plates/plate_bt.pdf")) {
                store.put(f.getKey(), f.getValue());
            }
        }
        HardwareMapException e = assertThrows(HardwareMapException.class, () -> HardwareSelector.load(store::exists));
        assertTrue(e.getMessage().contains("plate_bt.pdf"), e.getMessage());
        assertTrue(e.profile().endsWith("_dc_ext") || e.profile().endsWith("_dc_int"), e.profile());
        assertEquals("map/hardware_selector_map.yaml", e.file());
    }
}
