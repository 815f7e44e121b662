package io.arcnode.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstalledFeaturesTest {

    @TempDir
    Path install;

    @Test
    void everyFeatureXmlOfTheInstallAreaByIdAndTheAboutText() throws Exception {
        feature("io.arcnode.feature.workbench_0.1.0.v1", "<feature id=\"io.arcnode.feature.workbench\" "
                + "label=\"ArcNode Workbench\" version=\"0.1.0.v1\"/>");
        feature("io.arcnode.feature.a_1.0.0", "<feature id=\"io.arcnode.feature.a\" version=\"1.0.0\"/>");
        feature("broken_1", "<feature id=");
        Files.createDirectories(install.resolve("features/empty"));
        List<InstalledFeatures.Feature> found = InstalledFeatures.in(install);
        assertEquals(3, found.size());
        assertEquals(new InstalledFeatures.Feature("io.arcnode.feature.a", "io.arcnode.feature.a", "1.0.0"),
                found.get(1));
        assertEquals(new InstalledFeatures.Feature("io.arcnode.feature.workbench", "ArcNode Workbench", "0.1.0.v1"),
                found.get(2));
        assertEquals("broken_1", found.get(0).id());
        assertTrue(found.get(0).label().startsWith("unreadable feature.xml: "), found.get(0).label());
        String about = AboutText.of("0.1.0.v1", found.subList(1, 3));
        assertEquals("ArcNode Workbench\nVersion 0.1.0.v1\n\nInstalled features:\n"
                + "io.arcnode.feature.a (io.arcnode.feature.a) 1.0.0\n"
                + "ArcNode Workbench (io.arcnode.feature.workbench) 0.1.0.v1", about);
    }

    @Test
    void noFeaturesFolderIsNoFeatures() {
        assertEquals(List.of(), InstalledFeatures.in(install));
        assertTrue(AboutText.of("1", List.of()).endsWith("(none found in the install area)"));
    }

    private void feature(String folder, String xml) throws Exception {
        Path d = Files.createDirectories(install.resolve("features").resolve(folder));
        Files.writeString(d.resolve("feature.xml"), "<?xml version=\"1.0\"?>" + xml);
    }
}
