package io.arcnode.workbench.edp.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON document's list of records as a table: the BOM ({@code bom.json}, its {@code lines}) and the cable/hose
 * schedule ({@code cable_hose_schedule.json}, its {@code entries}). Columns are the first record's fields in their
 * order; a column whose values are all numbers is numeric and sorts as numbers; a numeric column that is not an
 * identifier ({@code line}, {@code id}, {@code *_id}) has a total. {@link #view} filters (case-insensitive, any cell)
 * and sorts; {@link #totals} sums those columns over the rows shown. Immutable.
 */
public final class DocumentTable {

    /** One record: its cells as shown, and the numbers of the numeric columns. */
    public record Row(List<String> cells, List<BigDecimal> numbers) {
    }

    private final List<String> columns;
    private final boolean[] numeric;
    private final List<Row> rows;

    private DocumentTable(List<String> columns, boolean[] numeric, List<Row> rows) {
        this.columns = columns;
        this.numeric = numeric;
        this.rows = rows;
    }

    /** @return the BOM's lines */
    public static DocumentTable bom(Path bomJson) {
        return read(bomJson, "lines");
    }

    /** @return the cable/hose schedule's entries */
    public static DocumentTable schedule(Path scheduleJson) {
        return read(scheduleJson, "entries");
    }

    /**
     * @return the records of {@code field} in the JSON document {@code file}
     * @throws IllegalArgumentException naming the file when it is not such a document
     */
    public static DocumentTable read(Path file, String field) {
        JsonNode doc;
        try {
            doc = ArcnodeJson.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (ValidationException e) {
            throw new IllegalArgumentException(file + ": " + e.violations().get(0).message(), e);
        }
        JsonNode records = doc.get(field);
        if (records == null || !records.isArray()) {
            throw new IllegalArgumentException(file + ": no array '" + field + "'");
        }
        return of(records);
    }

    /** @return the table of a JSON array of objects */
    static DocumentTable of(JsonNode records) {
        List<String> columns = new ArrayList<>();
        if (records.size() > 0) {
            records.get(0).fieldNames().forEachRemaining(columns::add);
        }
        boolean[] numeric = new boolean[columns.size()];
        java.util.Arrays.fill(numeric, records.size() > 0);
        for (JsonNode r : records) {
            for (int c = 0; c < columns.size(); c++) {
                JsonNode v = r.get(columns.get(c));
                numeric[c] &= v == null || v.isNull() || v.isNumber();
            }
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : records) {
            List<String> cells = new ArrayList<>();
            List<BigDecimal> numbers = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                JsonNode v = r.get(columns.get(c));
                cells.add(text(v));
                numbers.add(numeric[c] && v != null && v.isNumber() ? v.decimalValue() : null);
            }
            rows.add(new Row(List.copyOf(cells), java.util.Collections.unmodifiableList(numbers)));
        }
        return new DocumentTable(List.copyOf(columns), numeric, List.copyOf(rows));
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (Iterator<JsonNode> it = v.elements(); it.hasNext();) {
                parts.add(text(it.next()));
            }
            return String.join(", ", parts);
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** @return the column names */
    public List<String> columns() {
        return columns;
    }

    /** @return whether column {@code c} is numeric */
    public boolean numeric(int c) {
        return numeric[c];
    }

    /** @return every row, in the document's order */
    public List<Row> rows() {
        return rows;
    }

    /**
     * @param filter    rows with a cell containing it, ignoring case; blank: all
     * @param sortBy    a column index, or -1 for the document's order
     * @param ascending the direction
     * @return the rows to show
     */
    public List<Row> view(String filter, int sortBy, boolean ascending) {
        String f = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            if (f.isEmpty() || r.cells().stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains(f))) {
                out.add(r);
            }
        }
        if (sortBy >= 0) {
            Comparator<Row> order = numeric[sortBy]
                    ? Comparator.comparing((Row r) -> r.numbers().get(sortBy),
                            Comparator.nullsFirst(Comparator.naturalOrder()))
                    : Comparator.comparing((Row r) -> r.cells().get(sortBy), String.CASE_INSENSITIVE_ORDER);
            out.sort(ascending ? order : order.reversed()); // stable: equal keys keep the document's order
        }
        return out;
    }

    /** @return whether column {@code c} has a total: numeric and not an identifier such as {@code line} */
    public boolean totalled(int c) {
        String name = columns.get(c);
        return numeric[c] && !name.equals("line") && !name.equals("id") && !name.endsWith("_id");
    }

    /**
     * @return per {@linkplain #totalled totalled} column, by column name, its sums over {@code shown}: by unit when the
     *         table has a {@code unit} column and this is its {@code quantity} (10 ea and 450 m are not 460 of
     *         anything), else one sum under the key {@code ""}; units in the order they first appear
     */
    public Map<String, Map<String, BigDecimal>> totals(List<Row> shown) {
        int unit = columns.indexOf("unit");
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            if (totalled(c)) {
                boolean perUnit = unit >= 0 && columns.get(c).equals("quantity");
                Map<String, BigDecimal> sums = new LinkedHashMap<>();
                for (Row r : shown) {
                    BigDecimal n = r.numbers().get(c);
                    if (n != null) {
                        sums.merge(perUnit ? r.cells().get(unit) : "", n, BigDecimal::add);
                    }
                }
                out.put(columns.get(c), sums);
            }
        }
        return out;
    }

    /** @return the totals as a line: {@code quantity 232 ea, 8950 m; length_m 1234.5} */
    public String totalsText(List<Row> shown) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Map<String, BigDecimal>> t : totals(shown).entrySet()) {
            List<String> sums = new ArrayList<>();
            t.getValue().forEach((u, v) -> sums.add(v.stripTrailingZeros().toPlainString()
                    + (u.isEmpty() ? "" : " " + u)));
            parts.add(t.getKey() + " " + (sums.isEmpty() ? "0" : String.join(", ", sums)));
        }
        return String.join("; ", parts);
    }
}
