package io.arcnode.edp.drawing.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.edp.drawing.api.Dxf.HAlign;
import io.arcnode.edp.drawing.api.Dxf.VAlign;
import io.arcnode.edp.testreaders.api.DxfPairs;
import io.arcnode.edp.testreaders.api.Ezdxf;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DxfTest {

    static Dxf sample() {
        Dxf d = new Dxf().layer("POWER", 1).layer("EQUIPMENT", 5).layer("TEXT", 7);
        d.block("BREAKER", 0, 0)
                .polyline("0", true, -2, -2, 2, -2, 2, 2, -2, 2)
                .line("0", -2, -2, 2, 2)
                .line("0", -2, 2, 2, -2);
        d.block("SOURCE", 0, 0).circle("0", 0, 0, 5).arc("0", 0, 0, 3, 0, 180)
                .text("0", 0, 0, 2, 0, HAlign.CENTER, VAlign.MIDDLE, "G");
        d.line("POWER", 0, 0, 100, 0)
                .line("POWER", 50, 0, 50, -30)
                .polyline("POWER", false, 0, 10, 10, 10, 10, 20)
                .polyline("EQUIPMENT", true, 40, -50, 60, -50, 60, -40, 40, -40)
                .circle("EQUIPMENT", 20, 30, 5)
                .arc("EQUIPMENT", 80, 30, 4, 90, 270)
                .text("TEXT", 50, -45, 2.5, 0, HAlign.CENTER, VAlign.MIDDLE, "compute-01")
                .text("TEXT", -10, -10, 2.5, 90, HAlign.LEFT, VAlign.BASELINE, "Zürich site")
                .insert("EQUIPMENT", "BREAKER", 50, -15, 1, 1, 0)
                .insert("EQUIPMENT", "SOURCE", 0, 60, 2, 2, 45);
        return d;
    }

    @Test
    void structureSectionsLayersAndPairs() {
        DxfPairs p = DxfPairs.parse(sample().toBytes());
        assertEquals(List.of("HEADER", "TABLES", "BLOCKS", "ENTITIES"), p.sections());
        assertEquals(new DxfPairs.Pair(0, "EOF"), p.pairs().get(p.pairs().size() - 1));
        assertEquals("AC1009", p.header("$ACADVER").get(0).value());
        assertEquals("6", p.header("$INSUNITS").get(0).value());
        assertTrue(p.declaredLayers().containsAll(p.usedLayers()),
                "used " + p.usedLayers() + " declared " + p.declaredLayers());
        assertEquals(List.of("0", "POWER", "EQUIPMENT", "TEXT"), List.copyOf(p.declaredLayers()));
        assertEquals(List.of("BREAKER", "SOURCE"), p.values("BLOCKS", 2));
        assertEquals(List.of("CONTINUOUS"), p.values("TABLES", 2).stream().filter("CONTINUOUS"::equals).distinct().toList());
        List<String> types = p.values("ENTITIES", 0);
        assertEquals(2, types.stream().filter("POLYLINE"::equals).count());
        assertEquals(2, types.stream().filter("SEQEND"::equals).count());
        assertEquals(7, types.stream().filter("VERTEX"::equals).count());
        // the non-ASCII character became an AutoCAD unicode escape
        assertTrue(p.values("ENTITIES", 1).contains("Z\\U+00FCrich site"));
    }

    @Test
    void extentsCoverContentIncludingTransformedInserts() {
        DxfPairs p = DxfPairs.parse(sample().toBytes());
        List<DxfPairs.Pair> min = p.header("$EXTMIN");
        List<DxfPairs.Pair> max = p.header("$EXTMAX");
        double minX = Double.parseDouble(min.get(0).value());
        double minY = Double.parseDouble(min.get(1).value());
        double maxX = Double.parseDouble(max.get(0).value());
        double maxY = Double.parseDouble(max.get(1).value());
        assertTrue(minX < -10 && minY <= -50, min.toString());
        assertEquals(100.0, maxX, 1e-9);
        // SOURCE circle r=5 scaled 2 at (0,60): top at y=70
        assertEquals(70.0, maxY, 1e-9);
    }

    @Test
    void numbersAreDeterministic() {
        assertEquals("0.0", Dxf.number(-0.0));
        assertEquals("0.0", Dxf.number(-1e-9));
        assertEquals("1.0", Dxf.number(1));
        assertEquals("-2.5", Dxf.number(-2.5));
        assertEquals("0.333333", Dxf.number(1.0 / 3));
        assertEquals("1234567.0", Dxf.number(1234567));
        assertEquals("0.0001", Dxf.number(1e-4));
        assertThrows(IllegalArgumentException.class, () -> Dxf.number(Double.NaN));
    }

    @Test
    void undeclaredLayerAndUnknownBlockAreRejected() {
        Dxf d = new Dxf();
        assertThrows(IllegalArgumentException.class, () -> d.line("NOPE", 0, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> d.insert("0", "NOPE", 0, 0, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> d.layer("lower", 1));
        assertThrows(IllegalArgumentException.class, () -> d.layer("A", 0));
        d.layer("A", 1);
        assertThrows(IllegalArgumentException.class, () -> d.layer("A", 2));
        assertThrows(IllegalArgumentException.class, () -> d.polyline("A", false, 0, 0));
    }

    @Test
    void generateTwiceSameBytes() {
        assertArrayEquals(sample().toBytes(), sample().toBytes());
    }

    @Test
    void ezdxfReadsAuditsAndCountsMatch(@TempDir Path dir) throws Exception {
        Dxf d = sample();
        List<String> out = Ezdxf.audit(d.toBytes(), dir);
        assertEquals("errors=0", out.get(0));
        assertEquals("version=AC1009", out.get(1));
        for (Map.Entry<String, Integer> e : d.entityCounts().entrySet()) {
            assertTrue(out.contains(e.getKey() + "=" + e.getValue()), e + " in " + out);
        }
        assertEquals(d.entityCounts().size(), out.stream().filter(l -> l.matches("[A-Z]+=\\d+")).count(), out.toString());
        assertTrue(out.contains("blocks=BREAKER,SOURCE"), out.toString());
        assertTrue(out.contains("layers=0,EQUIPMENT,POWER,TEXT"), out.toString());
    }
}
