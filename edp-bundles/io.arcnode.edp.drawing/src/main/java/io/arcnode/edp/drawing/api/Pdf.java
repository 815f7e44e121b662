package io.arcnode.edp.drawing.api;

import io.arcnode.edp.drawing.api.Sheet.Arc;
import io.arcnode.edp.drawing.api.Sheet.Circle;
import io.arcnode.edp.drawing.api.Sheet.Insert;
import io.arcnode.edp.drawing.api.Sheet.Layer;
import io.arcnode.edp.drawing.api.Sheet.Line;
import io.arcnode.edp.drawing.api.Sheet.Polyline;
import io.arcnode.edp.drawing.api.Sheet.Shape;
import io.arcnode.edp.drawing.api.Sheet.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.util.Matrix;

/**
 * Renders a {@link Sheet} to a one-page vector PDF with PDFBox: A3 landscape, paper millimetres mapped to
 * points, text in the Standard 14 font Helvetica (not embedded, so text is extractable and the file small).
 *
 * <p>Deterministic bytes: the document information dates are the title block date (00:00 UTC), the
 * trailer {@code /ID} is derived from {@link Sheet#fingerprint()}, no XMP metadata is written, and
 * nothing depends on the clock. Text height in the model is the cap height (DXF semantics); the PDF font
 * size is {@code height / 0.718} (Helvetica cap height 718/1000 em), so both formats show the same letters.
 */
public final class Pdf {

    /** Helvetica cap height in em. */
    static final double HELVETICA_CAP_HEIGHT = 0.718;
    private static final float PT_PER_MM = (float) (72 / 25.4);
    private static final String CREATOR = "ArcNode EDP drawing generator";

    private Pdf() {
    }

    /** The sheet as PDF bytes. */
    public static byte[] render(Sheet sheet) {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle((float) Sheet.WIDTH_MM * PT_PER_MM,
                    (float) Sheet.HEIGHT_MM * PT_PER_MM));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.transform(Matrix.getScaleInstance(PT_PER_MM, PT_PER_MM));
                cs.setLineCapStyle(1);
                cs.setLineJoinStyle(1);
                new Painter(sheet, cs, font).draw(sheet.shapes(), null, 1.0);
            }
            Sheet.TitleBlock tb = sheet.titleBlock();
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(tb.drawingTitle() + " - " + tb.drawingNumber() + " rev " + tb.revision());
            info.setAuthor(tb.operatorOrg());
            info.setSubject("Deployment " + tb.deploymentId() + ", " + tb.siteName());
            info.setCreator(CREATOR);
            Calendar date = calendar(tb.localDate());
            info.setCreationDate(date);
            info.setModificationDate(date);
            doc.setDocumentInformation(info);
            byte[] id = HexFormat.of().parseHex(sheet.fingerprint().substring(0, 32));
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        }
    }

    private static Calendar calendar(LocalDate d) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        c.clear();
        c.set(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth(), 0, 0, 0);
        return c;
    }

    /** PDF colour of an AutoCAD colour index on white paper (7 = black; yellow darkened to stay legible). */
    static float[] rgb(int aci) {
        return switch (aci) {
            case 1 -> new float[] {0.85f, 0f, 0f};
            case 2 -> new float[] {0.6f, 0.5f, 0f};
            case 3 -> new float[] {0f, 0.55f, 0f};
            case 4 -> new float[] {0f, 0.5f, 0.6f};
            case 5 -> new float[] {0f, 0f, 0.85f};
            case 6 -> new float[] {0.7f, 0f, 0.7f};
            case 8 -> new float[] {0.5f, 0.5f, 0.5f};
            case 9 -> new float[] {0.65f, 0.65f, 0.65f};
            default -> new float[] {0f, 0f, 0f};
        };
    }

    private static final class Painter {
        private final Sheet sheet;
        private final PDPageContentStream cs;
        private final PDType1Font font;

        Painter(Sheet sheet, PDPageContentStream cs, PDType1Font font) {
            this.sheet = sheet;
            this.cs = cs;
            this.font = font;
        }

        /** Draws shapes; layer "0" shapes inside a symbol take {@code inherited} (the insert's layer). */
        void draw(List<Shape> shapes, String inherited, double scale) throws IOException {
            for (Shape s : shapes) {
                String layerName = "0".equals(s.layer()) && inherited != null ? inherited : s.layer();
                Layer layer = sheet.layers().get(layerName);
                float[] c = rgb(layer.colour());
                cs.setStrokingColor(c[0], c[1], c[2]);
                cs.setNonStrokingColor(c[0], c[1], c[2]);
                cs.setLineWidth((float) (layer.lineWidthMm() / scale));
                if (s instanceof Line l) {
                    cs.moveTo((float) l.x1(), (float) l.y1());
                    cs.lineTo((float) l.x2(), (float) l.y2());
                    cs.stroke();
                } else if (s instanceof Polyline p) {
                    List<Double> xy = p.xy();
                    cs.moveTo(xy.get(0).floatValue(), xy.get(1).floatValue());
                    for (int i = 2; i < xy.size(); i += 2) {
                        cs.lineTo(xy.get(i).floatValue(), xy.get(i + 1).floatValue());
                    }
                    if (p.closed()) {
                        cs.closePath();
                    }
                    cs.stroke();
                } else if (s instanceof Circle ci) {
                    arcPath(ci.cx(), ci.cy(), ci.r(), 0, 360);
                    cs.closePath();
                    cs.stroke();
                } else if (s instanceof Arc a) {
                    double end = a.endDeg();
                    while (end <= a.startDeg()) {
                        end += 360;
                    }
                    arcPath(a.cx(), a.cy(), a.r(), a.startDeg(), end);
                    cs.stroke();
                } else if (s instanceof Text t) {
                    text(t);
                } else if (s instanceof Insert i) {
                    cs.saveGraphicsState();
                    double rad = Math.toRadians(i.rotationDeg());
                    double k = i.scale();
                    cs.transform(new Matrix((float) (k * Math.cos(rad)), (float) (k * Math.sin(rad)),
                            (float) (-k * Math.sin(rad)), (float) (k * Math.cos(rad)), (float) i.x(), (float) i.y()));
                    draw(sheet.symbols().get(i.symbol()).shapes(), layerName, scale * k);
                    cs.restoreGraphicsState();
                }
            }
        }

        /** Bezier approximation of a counter-clockwise arc, at most 90 degrees per segment. */
        private void arcPath(double cx, double cy, double r, double a0, double a1) throws IOException {
            int n = Math.max(1, (int) Math.ceil((a1 - a0) / 90.0 - 1e-9));
            double step = Math.toRadians((a1 - a0) / n);
            double k = 4.0 / 3.0 * Math.tan(step / 4);
            double a = Math.toRadians(a0);
            cs.moveTo((float) (cx + r * Math.cos(a)), (float) (cy + r * Math.sin(a)));
            for (int i = 0; i < n; i++) {
                double b = a + step;
                double x0 = cx + r * Math.cos(a);
                double y0 = cy + r * Math.sin(a);
                double x3 = cx + r * Math.cos(b);
                double y3 = cy + r * Math.sin(b);
                cs.curveTo((float) (x0 - k * r * Math.sin(a)), (float) (y0 + k * r * Math.cos(a)),
                        (float) (x3 + k * r * Math.sin(b)), (float) (y3 - k * r * Math.cos(b)),
                        (float) x3, (float) y3);
                a = b;
            }
        }

        private void text(Text t) throws IOException {
            String value = encodable(t.value());
            if (value.isEmpty()) {
                return;
            }
            double size = t.height() / HELVETICA_CAP_HEIGHT;
            double w = font.getStringWidth(value) / 1000.0 * size;
            double dx = switch (t.hAlign()) {
                case LEFT -> 0;
                case CENTER -> -w / 2;
                case RIGHT -> -w;
            };
            double dy = switch (t.vAlign()) {
                case BASELINE -> 0;
                case BOTTOM -> 0.21 * size; // Helvetica descender 207/1000 em
                case MIDDLE -> -t.height() / 2;
                case TOP -> -t.height();
            };
            double rad = Math.toRadians(t.rotationDeg());
            double cos = Math.cos(rad);
            double sin = Math.sin(rad);
            double x = t.x() + dx * cos - dy * sin;
            double y = t.y() + dx * sin + dy * cos;
            cs.beginText();
            cs.setFont(font, (float) size);
            cs.setTextMatrix(new Matrix((float) cos, (float) sin, (float) -sin, (float) cos, (float) x, (float) y));
            cs.showText(value);
            cs.endText();
        }

        /** Characters Helvetica/WinAnsi cannot show become '?', deterministically. */
        private String encodable(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                if (cp < 0x20) {
                    sb.append(' ');
                    return;
                }
                try {
                    font.encode(ch);
                    sb.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    sb.append('?');
                }
            });
            return sb.toString();
        }
    }
}
