package io.arcnode.workbench.edp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.edp.ArtifactKind;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentTableTest {

    @TempDir
    Path tmp;

    @Test
    void theBomTableHoldsEveryLineAndItsTotalsAreTheDocumentsTotals() throws Exception {
        EdpRevision r = new EdpPackages(tmp.resolve("o.json")).generate(EdpPackagesTest.PAYLOAD,
                new EdpPackagesTest.Recorder(Integer.MAX_VALUE));
        Path bom = r.find(ArtifactKind.BOM, "json").orElseThrow().file();
        DocumentTable t = DocumentTable.bom(bom);
        JsonNode doc = ArcnodeJson.readTree(Files.readString(bom));
        assertEquals(doc.get("lines").size(), t.rows().size());
        assertEquals("line", t.columns().get(0));
        assertTrue(t.numeric(t.columns().indexOf("quantity")));
        assertFalse(t.numeric(t.columns().indexOf("description")));
        Map<String, BigDecimal> perUnit = t.totals(t.rows()).get("quantity");
        assertEquals(doc.get("totals").size(), perUnit.size(), "one total per unit, as the document has");
        for (JsonNode total : doc.get("totals")) {
            assertEquals(0, total.get("quantity").decimalValue().compareTo(perUnit.get(total.get("unit").asText())),
                    "the document's own total of " + total.get("unit"));
        }
        assertTrue(t.numeric(0) && !t.totalled(0), "the line number sorts as a number but has no total");
        assertFalse(t.totals(t.rows()).containsKey("line"));
        DocumentTable schedule = DocumentTable.schedule(r.find(ArtifactKind.CABLE_HOSE_SCHEDULE, "json")
                .orElseThrow().file());
        assertTrue(schedule.rows().size() > 0);
        assertTrue(schedule.columns().contains("length_m"));
    }

    @Test
    void filterSortAndTotalsOfTheShownRows() {
        DocumentTable t = DocumentTable.of(ArcnodeJson.readTree("[{\"item\":\"Pump\",\"qty\":3,\"tags\":[\"a\",\"b\"]},"
                + "{\"item\":\"cable\",\"qty\":10,\"tags\":[]},{\"item\":\"Pump seal\",\"qty\":1.5,\"tags\":null}]"));
        assertEquals(List.of("item", "qty", "tags"), t.columns());
        assertEquals("a, b", t.rows().get(0).cells().get(2));
        assertEquals(List.of("Pump", "Pump seal"), t.view("pUmP", -1, true).stream().map(r -> r.cells().get(0))
                .toList());
        assertEquals(List.of("Pump seal", "Pump", "cable"), t.view("", 1, true).stream().map(r -> r.cells().get(0))
                .toList(), "numbers sort as numbers");
        assertEquals(List.of("Pump seal", "Pump", "cable"), t.view("", 0, false).stream().map(r -> r.cells().get(0))
                .toList(), "text sorts ignoring case");
        assertEquals(Map.of("qty", Map.of("", new BigDecimal("4.5"))), t.totals(t.view("pump", -1, true)));
        assertEquals("qty 4.5", t.totalsText(t.view("pump", -1, true)));
        DocumentTable units = DocumentTable.of(ArcnodeJson.readTree("[{\"line\":1,\"quantity\":10,\"unit\":\"ea\"},"
                + "{\"line\":2,\"quantity\":450,\"unit\":\"m\"},{\"line\":3,\"quantity\":2,\"unit\":\"ea\"}]"));
        assertEquals("quantity 12 ea, 450 m", units.totalsText(units.rows()), "no total over different units");
    }

    @Test
    void aFileThatIsNotSuchADocumentIsRefusedNamingIt() throws Exception {
        Path f = tmp.resolve("bom.json");
        Files.writeString(f, "{\"lines\": 3}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DocumentTable.bom(f));
        assertEquals(f + ": no array 'lines'", e.getMessage());
    }
}
