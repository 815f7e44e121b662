package io.arcnode.edp.drawing.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.edp.drawing.api.Dxf.HAlign;
import io.arcnode.edp.drawing.api.Dxf.VAlign;
import io.arcnode.edp.testreaders.api.DxfPairs;
import io.arcnode.edp.testreaders.api.Ezdxf;
import io.arcnode.edp.testreaders.api.PdfText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetTest {

    static final Sheet.TitleBlock TB = new Sheet.TitleBlock("3f1c2a9e-0000-4000-8000-000000000001", "Zürich North",
            "ACME Compute", "TEST SHEET", "EDP-TEST-001", "B", "1 of 1", "2025-03-14");

    static Sheet sample() {
        return Sheet.builder(TB)
                .layer("POWER", 1, 0.5)
                .layer("TEXT", 7, 0.18)
                .symbol("CB").rect(-2, -2, 4, 4).line(-2, -2, 2, 2).line(-2, 2, 2, -2).done()
                .symbol("SRC").circle(0, 0, 6).text(0, 0, 3, HAlign.CENTER, VAlign.MIDDLE, "G").insert("CB", 0, -10, 1, 0).done()
                .line("POWER", 20, 200, 380, 200)
                .polyline("POWER", false, 20, 150, 40, 150, 40, 170)
                .rect("POWER", 100, 100, 40, 20)
                .circle("POWER", 200, 150, 8)
                .arc("POWER", 250, 150, 8, 0, 180)
                .text("TEXT", 120, 110, 2.5, HAlign.CENTER, VAlign.MIDDLE, "compute-01")
                .text("TEXT", 30, 120, 2.5, 90, HAlign.LEFT, VAlign.BASELINE, "rotated label")
                .insert("POWER", "SRC", 60, 250, 1.5, 0)
                .build();
    }

    @Test
    void dxfIsInMetresAtScaleAndDeclaresAllLayers() {
        Sheet s = sample();
        DxfPairs p = DxfPairs.parse(s.toDxf());
        assertEquals("6", p.header("$INSUNITS").get(0).value());
        assertTrue(p.declaredLayers().containsAll(p.usedLayers()));
        assertTrue(p.declaredLayers().containsAll(List.of("TITLE", "POWER", "TEXT")));
        // 1:100: the bus from 20 mm to 380 mm on paper is 2 m .. 38 m
        assertTrue(p.values("ENTITIES", 11).contains("38.0"), p.values("ENTITIES", 11).toString());
        // BLOCK names (group 2 inside BLOCKS also names nested INSERTs: SRC inserts CB)
        assertEquals(List.of("CB", "SRC", "CB"), p.values("BLOCKS", 2));
        assertTrue(p.values("ENTITIES", 1).contains("EDP-TEST-001"));
        assertEquals("NTS", s.scaleLabel());
    }

    @Test
    void pdfTextIsExtractableIncludingTitleBlock() throws IOException {
        String text = PdfText.of(sample().toPdf());
        for (String expected : List.of("3f1c2a9e-0000-4000-8000-000000000001", "Zürich North", "ACME Compute",
                "TEST SHEET", "EDP-TEST-001", "1 of 1", "2025-03-14", "NTS", "compute-01", "ARCNODE ENGINEERING")) {
            assertTrue(text.contains(expected), expected + " in:\n" + text);
        }
    }

    @Test
    void pdfIsDeterministicWithIdFromModelAndDatesFromInput() throws IOException {
        byte[] a = sample().toPdf();
        byte[] b = sample().toPdf();
        assertArrayEquals(a, b);
        String raw = new String(a, StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("/Metadata"), "no XMP");
        try (PDDocument doc = Loader.loadPDF(a)) {
            COSArray id = doc.getDocument().getTrailer().getCOSArray(COSName.ID);
            String hex = HexFormat.of().formatHex(((COSString) id.get(0)).getBytes());
            assertEquals(sample().fingerprint().substring(0, 32), hex);
            assertEquals(2025, doc.getDocumentInformation().getCreationDate().get(java.util.Calendar.YEAR));
            assertEquals(13, doc.getDocumentInformation().getCreationDate().get(java.util.Calendar.DAY_OF_MONTH) - 1);
            assertNull(doc.getDocumentCatalog().getMetadata());
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(1190.55, doc.getPage(0).getMediaBox().getWidth(), 0.01);
        }
    }

    @Test
    void differentModelDifferentId() {
        Sheet other = Sheet.builder(new Sheet.TitleBlock("x", "s", "o", "t", "n", "C", "1 of 1", "2025-03-14")).build();
        assertFalse(other.fingerprint().equals(sample().fingerprint()));
    }

    @Test
    void dxfGenerateTwiceSameBytes() {
        assertArrayEquals(sample().toDxf(), sample().toDxf());
    }

    @Test
    void modelRulesAreEnforced() {
        Sheet.Builder b = Sheet.builder(TB);
        assertThrows(IllegalArgumentException.class, () -> b.line("NOPE", 0, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> b.insert("0", "NOPE", 0, 0, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Sheet.TitleBlock("d", "s", "o", "t", "n", "A", "1 of 1", "14/03/2025"));
    }

    @Test
    void ezdxfReadsTheSheet(@TempDir Path dir) throws Exception {
        Sheet s = sample();
        List<String> out = Ezdxf.audit(s.toDxf(), dir);
        assertEquals("errors=0", out.get(0));
        for (var e : s.toDxfModel().entityCounts().entrySet()) {
            assertTrue(out.contains(e.getKey() + "=" + e.getValue()), e + " in " + out);
        }
        assertTrue(out.contains("blocks=CB,SRC"), out.toString());
    }
}
