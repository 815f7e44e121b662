package io.arcnode.edp.bom.internal;

import io.arcnode.edp.assemblies.api.AssemblyFiles;
import io.arcnode.edp.bom.api.BomDocument;
import io.arcnode.edp.bom.api.BomLine;
import io.arcnode.edp.bom.api.BomTotal;
import io.arcnode.edp.bom.api.CableHoseSchedule;
import io.arcnode.edp.bom.api.DocumentHeader;
import io.arcnode.edp.bom.api.ScheduleEntry;
import io.arcnode.edp.bom.api.ScheduleTotals;
import io.arcnode.edp.bom.internal.XlsxTable.Column;
import io.arcnode.api.edp.SourcingTier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The XLSX layouts of the BOM and the schedule (columns, totals rows, Info sheet). */
public final class DocumentXlsx {

    /**
     * The document date of both workbooks: the catalogue date, an input-derived constant (the payload carries no
     * date and the generator reads no clock).
     */
    public static final LocalDate DOCUMENT_DATE = LocalDate.parse(AssemblyFiles.CATALOGUE_DATE);

    static final List<Column> BOM_COLUMNS = List.of(new Column("Line", 6, true), new Column("Item", 20, false),
            new Column("Part number", 24, false), new Column("Description", 70, false),
            new Column("Quantity", 11, true), new Column("Unit", 6, false), new Column("Category", 10, false),
            new Column("Sourcing tiers", 40, false), new Column("Notes", 90, false));
    static final List<Column> SCHEDULE_COLUMNS = List.of(new Column("ID", 24, false), new Column("From", 20, false),
            new Column("To", 44, false), new Column("Kind", 15, false), new Column("Part number", 26, false),
            new Column("Type", 80, false), new Column("Size", 10, false), new Column("Length (m)", 11, true),
            new Column("Quantity", 9, true), new Column("Total length (m)", 16, true));

    private DocumentXlsx() {
    }

    public static byte[] bom(BomDocument d) {
        List<List<Object>> rows = new ArrayList<>(d.lines().size());
        for (BomLine l : d.lines()) {
            rows.add(Arrays.asList(l.line(), l.item(), l.partNumber(), l.description(), l.quantity(), l.unit(),
                    l.category().json(), l.sourcingTiers().stream().map(SourcingTier::json)
                            .collect(Collectors.joining(", ")), l.notes()));
        }
        List<List<Object>> totals = new ArrayList<>();
        for (BomTotal t : d.totals()) {
            totals.add(Arrays.asList(null, "total", null, "Total " + t.unit() + " (" + t.lines() + " lines)",
                    t.quantity(), t.unit()));
        }
        return XlsxTable.write("BOM", BOM_COLUMNS, rows, totals, info(d.header(), "bom"), "Bill of Materials",
                DOCUMENT_DATE);
    }

    public static byte[] schedule(CableHoseSchedule s) {
        List<List<Object>> rows = new ArrayList<>(s.entries().size());
        for (ScheduleEntry e : s.entries()) {
            rows.add(Arrays.asList(e.id(), e.from(), e.to(), e.kind().json(), e.partNumber(), e.type(), e.size(),
                    e.lengthM(), e.quantity(), e.totalLengthM()));
        }
        ScheduleTotals t = s.totals();
        List<List<Object>> totals = List.of(Arrays.asList("Total", t.entries() + " connections", null, null, null,
                null, null, null, t.quantity(), t.totalLengthM()));
        return XlsxTable.write("Schedule", SCHEDULE_COLUMNS, rows, totals, info(s.header(), "cable_hose_schedule"),
                "Cable and Hose Schedule", DOCUMENT_DATE);
    }

    private static List<List<Object>> info(DocumentHeader h, String document) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("document", document));
        rows.add(List.of("deployment_id", h.deploymentId().toString()));
        rows.add(List.of("operator_org", h.operatorOrg()));
        rows.add(List.of("deployment_site_name", h.deploymentSiteName()));
        rows.add(List.of("deployment_profile", h.deploymentProfile().json()));
        rows.add(List.of("sourcing_tier", h.sourcingTier().json()));
        rows.add(List.of("generator", h.generator()));
        rows.add(List.of("generator_revision", h.generatorRevision()));
        rows.add(List.of("catalogue_revision", h.catalogueRevision()));
        rows.add(List.of("document_date", DOCUMENT_DATE.toString()));
        for (String n : h.notes()) {
            rows.add(List.of("note", n));
        }
        return rows;
    }
}
