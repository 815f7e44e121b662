package io.arcnode.edp.bom.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One table written as an XLSX workbook with Apache POI (XSSF): sheet 1 holds the table (bold header row, frozen,
 * column widths, numbers as numeric cells, bold totals rows), sheet 2 ({@code Info}) the document's key/value pairs.
 * <p>
 * Deterministic bytes: the core properties' created and modified dates are the given document date (not the clock),
 * and the ZIP POI writes is re-written with {@code [Content_Types].xml} first and the other entries sorted by name,
 * every entry with the same time (the document date, 00:00, in the DOS local-time field, no extended timestamps) and
 * deflate level 6. Inside OSGi, xmlbeans resolves its schema types through the thread context class loader, so
 * {@link #write} sets it to this bundle's class loader (which imports the POI and schema packages) and restores it.
 */
public final class XlsxTable {

    /** Compression level of the normalised ZIP: zlib's default, named so that it cannot drift. */
    static final int DEFLATE_LEVEL = 6;
    private static final String CONTENT_TYPES = "[Content_Types].xml";

    /** A column: header text, width in characters, whether its cells are numbers. */
    public record Column(String header, int widthChars, boolean numeric) {
    }

    private XlsxTable() {
    }

    /**
     * @param sheetName the table's sheet name
     * @param columns   the columns
     * @param rows      one list per row, one value per column: {@link String} (text) or {@link Number} (numeric
     *                  cell, shown without decimals), {@code null} for an empty cell
     * @param totals    rows written bold after the table
     * @param info      key/value rows of the {@code Info} sheet, in order
     * @param title     core property title
     * @param date      the document date (core properties and ZIP entry times)
     */
    public static byte[] write(String sheetName, List<Column> columns, List<List<Object>> rows,
            List<List<Object>> totals, List<List<Object>> info, String title, LocalDate date) {
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        thread.setContextClassLoader(XlsxTable.class.getClassLoader());
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            XSSFSheet sheet = wb.createSheet(sheetName);
            int r = 0;
            XSSFRow header = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                XSSFCell cell = header.createCell(c);
                cell.setCellValue(columns.get(c).header());
                cell.setCellStyle(styles.header);
            }
            for (List<Object> row : rows) {
                fill(sheet.createRow(r++), row, styles.text, styles.number);
            }
            for (List<Object> row : totals) {
                fill(sheet.createRow(r++), row, styles.header, styles.totalNumber);
            }
            for (int c = 0; c < columns.size(); c++) {
                sheet.setColumnWidth(c, Math.min(255, columns.get(c).widthChars()) * 256);
            }
            sheet.createFreezePane(0, 1);

            XSSFSheet infoSheet = wb.createSheet("Info");
            int i = 0;
            for (List<Object> row : info) {
                fill(infoSheet.createRow(i++), row, styles.text, styles.number);
            }
            infoSheet.setColumnWidth(0, 28 * 256);
            infoSheet.setColumnWidth(1, 100 * 256);

            Date fixed = Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
            POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
            core.setCreated(Optional.of(fixed));
            core.setModified(Optional.of(fixed));
            core.setTitle(title);
            core.setCreator("ArcNode EDP generator");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return normalise(out.toByteArray(), date.atStartOfDay());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    private static void fill(XSSFRow row, List<Object> values, CellStyle text, CellStyle number) {
        for (int c = 0; c < values.size(); c++) {
            Object v = values.get(c);
            if (v == null) {
                continue;
            }
            XSSFCell cell = row.createCell(c);
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
                cell.setCellStyle(number);
            } else {
                cell.setCellValue(v.toString());
                cell.setCellStyle(text);
            }
        }
    }

    /** The four cell styles, made once per workbook (a style per cell would bloat styles.xml). */
    private static final class Styles {
        final CellStyle header;
        final CellStyle text;
        final CellStyle number;
        final CellStyle totalNumber;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            short integer = wb.createDataFormat().getFormat("0");
            header = wb.createCellStyle();
            header.setFont(bold);
            text = wb.createCellStyle();
            number = wb.createCellStyle();
            number.setDataFormat(integer);
            totalNumber = wb.createCellStyle();
            totalNumber.setFont(bold);
            totalNumber.setDataFormat(integer);
        }
    }

    /** Re-writes the ZIP: fixed entry order, fixed entry time, fixed compression level. */
    static byte[] normalise(byte[] zip, LocalDateTime time) throws IOException {
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                contents.add(in.readAllBytes());
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, Boolean>comparing(i -> !names.get(i).equals(CONTENT_TYPES))
                .thenComparing(names::get));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length);
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(DEFLATE_LEVEL);
            out.setMethod(ZipOutputStream.DEFLATED);
            for (int i : order) {
                ZipEntry e = new ZipEntry(names.get(i));
                e.setTimeLocal(time);
                out.putNextEntry(e);
                out.write(contents.get(i));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
