package io.arcnode.edp.assemblies.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SortedMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class AssemblyFilesTest {

    @Test
    void everyAssemblyAndPlateFileIsThere() {
        SortedMap<String, byte[]> files = AssemblyFiles.all();
        assertEquals(4 * 2 + 4 * 3, files.size(), files.keySet().toString());
        for (String id : AssemblyCatalogue.ASSEMBLY_IDS) {
            assertTrue(files.containsKey("assemblies/" + id + "/" + id + ".step"), id);
            assertTrue(files.containsKey("assemblies/" + id + "/" + id + ".glb"), id);
        }
        for (String plate : new String[] { "cl", "nw", "cg", "bt" }) {
            for (String ext : new String[] { "step", "dxf", "pdf" }) {
                assertTrue(files.containsKey("assemblies/plates/plate_" + plate + "." + ext), plate + "." + ext);
            }
        }
        files.values().forEach(bytes -> assertTrue(bytes.length > 100));
    }

    @Test
    void keysAreTheKeysOfTheFilesWithoutGeneratingThem() {
        assertEquals(AssemblyFiles.all().keySet(), AssemblyFiles.keys());
        assertEquals(20, AssemblyFiles.keys().size(), "4 assemblies x (step, glb) + 4 plates x (step, dxf, pdf)");
    }

    @Test
    void plateDrawingShowsTheDimensionsAndTitle() throws Exception {
        byte[] pdf = AssemblyFiles.all().get("assemblies/plates/plate_cg.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Interface plate CG"), text);
            assertTrue(text.contains("1000 mm"), text);
            assertTrue(text.contains("t = 15 mm"), text); // the 800 mm height is rotated text: checked in the DXF
            assertTrue(text.contains("AN-PLATE_CG"), text);
        }
        String dxf = new String(AssemblyFiles.all().get("assemblies/plates/plate_cg.dxf"), StandardCharsets.US_ASCII);
        assertTrue(dxf.contains("CONNECTOR"));
        assertTrue(dxf.contains("1000 mm"));
        assertTrue(dxf.contains("800 mm"));
    }

    @Test
    void sameBytesEveryTime() {
        SortedMap<String, byte[]> a = AssemblyFiles.all();
        SortedMap<String, byte[]> b = AssemblyFiles.all();
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertArrayEquals(v, b.get(k), k));
    }
}
