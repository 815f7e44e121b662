package io.arcnode.edp.bom.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.DeploymentProfile;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.testreaders.api.Soffice;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxTest {

    @Test
    void sameInputSameBytesForEveryProfile() {
        for (DeploymentProfile profile : DeploymentProfile.values()) {
            ConfiguratorPayload p = Payloads.of(profile, 300);
            ModuleResolution r = Payloads.resolve(p);
            BomDocument a = BomGenerator.generate(p, r);
            BomDocument b = BomGenerator.generate(p, r);
            assertArrayEquals(a.toXlsx(), b.toXlsx(), profile.json());
            assertArrayEquals(a.toJson(), b.toJson(), profile.json());
            CableHoseSchedule s1 = CableHoseScheduleGenerator.generate(p, r, a, CableHoseScheduleTest.CATALOGUE);
            CableHoseSchedule s2 = CableHoseScheduleGenerator.generate(p, r, b, CableHoseScheduleTest.CATALOGUE);
            assertArrayEquals(s1.toXlsx(), s2.toXlsx(), profile.json());
            assertArrayEquals(s1.toJson(), s2.toJson(), profile.json());
        }
    }

    @Test
    void zipIsNormalisedAndDatedFromTheCatalogue() throws IOException {
        byte[] xlsx = Payloads.bom(Payloads.of(DeploymentProfile.COMMERCIAL_AC, 56)).toXlsx();
        List<String> names = new ArrayList<>();
        String core = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                assertEquals(LocalDateTime.of(2026, 1, 1, 0, 0), e.getTimeLocal(), e.getName());
                assertEquals(ZipEntry.DEFLATED, e.getMethod());
                byte[] content = in.readAllBytes();
                if (e.getName().equals("docProps/core.xml")) {
                    core = new String(content, StandardCharsets.UTF_8);
                }
            }
        }
        assertEquals("[Content_Types].xml", names.get(0));
        List<String> rest = new ArrayList<>(names.subList(1, names.size()));
        assertEquals(rest.stream().sorted().toList(), rest);
        assertTrue(names.contains("xl/worksheets/sheet1.xml"));
        assertTrue(core.contains("2026-01-01T00:00:00Z"), core);
    }

    @Test
    void bomWorkbookReadBackWithPoi() throws IOException {
        BomDocument d = Payloads.bom(Payloads.of(DeploymentProfile.FEDERAL_DC_EXT, 560));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(d.toXlsx()))) {
            XSSFSheet sheet = wb.getSheet("BOM");
            XSSFRow header = sheet.getRow(0);
            assertEquals("Part number", header.getCell(2).getStringCellValue());
            assertTrue(header.getCell(0).getCellStyle().getFont().getBold());
            PaneInformation pane = sheet.getPaneInformation();
            assertTrue(pane.isFreezePane());
            assertEquals(1, pane.getHorizontalSplitPosition());
            assertEquals(70 * 256, sheet.getColumnWidth(3));
            for (BomLine l : d.lines()) {
                XSSFRow row = sheet.getRow(l.line());
                assertEquals(CellType.NUMERIC, row.getCell(4).getCellType(), l.partNumber());
                assertEquals(l.quantity(), (long) row.getCell(4).getNumericCellValue());
                assertEquals(l.partNumber(), row.getCell(2).getStringCellValue());
            }
            XSSFRow ea = sheet.getRow(d.lines().size() + 1);
            assertEquals("total", ea.getCell(1).getStringCellValue());
            assertEquals(d.totals().get(0).quantity(), (long) ea.getCell(4).getNumericCellValue());
            assertTrue(ea.getCell(4).getCellStyle().getFont().getBold());
            XSSFSheet info = wb.getSheet("Info");
            assertEquals("deployment_profile", info.getRow(4).getCell(0).getStringCellValue());
            assertEquals("federal_dc_ext", info.getRow(4).getCell(1).getStringCellValue());
            assertEquals("2026-01-01", info.getRow(9).getCell(1).getStringCellValue());
        }
    }

    /** LibreOffice quotes text cells and writes numeric cells bare: a bare number proves a numeric cell. */
    @Test
    void libreOfficeReadsTheBom(@TempDir Path dir) throws IOException {
        BomDocument d = Payloads.bom(Payloads.of(DeploymentProfile.COMMERCIAL_DC_INT, 1000));
        List<String> csv = Soffice.csv(d.toXlsx(), dir);
        assertEquals(q("Line", "Item", "Part number", "Description", "Quantity", "Unit", "Category", "Sourcing tiers",
                "Notes"), csv.get(0));
        assertEquals(d.lines().size() + 1 + d.totals().size(), csv.size());
        // 1000 GPUs -> 18 containers
        assertTrue(csv.get(1).startsWith("1," + q("compute_container", "AN-CC40-H100") + ","), csv.get(1));
        assertTrue(csv.get(1).contains(",18," + q("ea", "compute", "commercial, federal_civilian, dod_eligible")),
                csv.get(1));
        BomLine catl = d.lines().stream().filter(l -> l.item().equals("pcs")).findFirst().orElseThrow();
        assertTrue(csv.get(catl.line()).startsWith(catl.line() + "," + q("pcs", "AN-PCS-INT-CATL-745")),
                csv.get(catl.line()));
        assertTrue(csv.get(catl.line()).contains("," + catl.quantity() + "," + q("ea", "bess",
                "commercial, federal_civilian")), csv.get(catl.line()));
        BomTotal ea = d.totals().get(0);
        BomTotal m = d.totals().get(1);
        assertEquals("," + q("total") + ",," + q("Total ea (" + ea.lines() + " lines)") + "," + ea.quantity() + ","
                + q("ea") + ",,,", csv.get(csv.size() - 2));
        assertEquals("," + q("total") + ",," + q("Total m (" + m.lines() + " lines)") + "," + m.quantity() + ","
                + q("m") + ",,,", csv.get(csv.size() - 1));
        String cable = csv.stream().filter(l -> l.contains("AN-CBL-H07RNF-1C95")).findFirst().orElseThrow();
        // 18 containers x 2 feeds x 5 cores x 30 m
        assertTrue(cable.contains(",5400," + q("m", "cabling")), cable);
        assertTrue(cable.contains("95 mm²"), cable);
    }

    @Test
    void libreOfficeReadsTheSchedule(@TempDir Path dir) throws IOException {
        ConfiguratorPayload p = Payloads.of(DeploymentProfile.DOD_DC_EXT, 112);
        CableHoseSchedule s = CableHoseScheduleTest.schedule(p);
        List<String> csv = Soffice.csv(s.toXlsx(), dir);
        assertEquals(q("ID", "From", "To", "Kind", "Part number", "Type", "Size", "Length (m)", "Quantity",
                "Total length (m)"), csv.get(0));
        assertEquals(s.entries().size() + 2, csv.size());
        String feed = csv.stream().filter(l -> l.startsWith(q("compute-02.CG-A") + ",")).findFirst().orElseThrow();
        assertTrue(feed.startsWith(q("compute-02.CG-A", "compute-02 CG-A", "grid-01 CG-LV feeder F03", "power_ac",
                "AN-CBL-H07RNF-1C95")), feed);
        assertTrue(feed.endsWith("," + q("95 mm²") + ",30,5,150"), feed);
        ScheduleTotals t = s.totals();
        assertEquals(q("Total", t.entries() + " connections") + ",,,,,,," + t.quantity() + "," + t.totalLengthM(),
                csv.get(csv.size() - 1));
    }

    /** The CSV form of text cells: each double-quoted, comma-separated. */
    private static String q(String... texts) {
        return Stream.of(texts).map(t -> "\"" + t + "\"").collect(Collectors.joining(","));
    }
}
