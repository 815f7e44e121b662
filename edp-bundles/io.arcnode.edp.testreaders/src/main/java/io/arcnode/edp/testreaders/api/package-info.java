/**
 * Independent readers for the generators' unit tests (test class path only, never in a feature or product):
 * {@link io.arcnode.edp.testreaders.api.DxfPairs} and {@link io.arcnode.edp.testreaders.api.DxfEntities}
 * (DXF group-code readers), {@link io.arcnode.edp.testreaders.api.Ezdxf} (Debian's python3-ezdxf audit),
 * {@link io.arcnode.edp.testreaders.api.PdfText} (PDFBox text extraction) and
 * {@link io.arcnode.edp.testreaders.api.Soffice} (LibreOffice headless, XLSX to CSV). The external readers skip
 * the calling test with a message when they are not installed.
 */
package io.arcnode.edp.testreaders.api;
