package io.arcnode.edp.drawing.api;

/** A rendered drawing: the same {@link Sheet} as DXF (R12) and PDF bytes. */
public record Drawing(Sheet sheet, byte[] dxf, byte[] pdf) {

    /** Renders both formats of a sheet. */
    public static Drawing of(Sheet sheet) {
        return new Drawing(sheet, sheet.toDxf(), sheet.toPdf());
    }
}
