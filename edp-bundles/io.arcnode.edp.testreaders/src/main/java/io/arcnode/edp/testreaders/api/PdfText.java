package io.arcnode.edp.testreaders.api;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** PDFBox text extraction as the reader of a generated PDF: what a person sees in it, in reading order. */
public final class PdfText {

    private PdfText() {
    }

    /** The text of every page. */
    public static String of(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
