package io.arcnode.edp.drawing.api;

import io.arcnode.edp.drawing.api.Dxf.HAlign;
import io.arcnode.edp.drawing.api.Dxf.VAlign;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One drawing sheet, the single model that both {@link #toDxf()} and {@link Pdf#render(Sheet)} render,
 * so the two formats always agree.
 *
 * <p>Geometry is in millimetres on paper on an A3 landscape sheet (420 x 297 mm, origin bottom left).
 * The sheet is drawn at a scale {@code 1:scale}: the DXF is written in metres of the real world
 * ({@code $INSUNITS 6}), i.e. a paper coordinate {@code p} mm becomes {@code p * scale / 1000} m; the PDF
 * is the paper itself. Schematic sheets (single-line diagrams, P&amp;IDs) are "not to scale": their DXF
 * still uses the nominal scale and the title block says {@code NTS}.
 *
 * <p>{@link Builder#build()} adds the border frame and the title block ({@link TitleBlock}) on layer
 * {@value #TITLE_LAYER}; content belongs in {@link #CONTENT_AREA}.
 */
public final class Sheet {

    /** A3 landscape width in mm. */
    public static final double WIDTH_MM = 420;
    /** A3 landscape height in mm. */
    public static final double HEIGHT_MM = 297;
    /** Border frame inset from the paper edge, mm. */
    public static final double FRAME_MM = 10;
    /** Title block size (bottom right, inside the frame), mm. */
    public static final double TITLE_W_MM = 180;
    public static final double TITLE_H_MM = 42;
    /** Where content goes: inside the frame, above the title block (x, y, width, height in mm). */
    public static final Rect CONTENT_AREA = new Rect(15, FRAME_MM + TITLE_H_MM + 5, WIDTH_MM - 30,
            HEIGHT_MM - FRAME_MM - 5 - (FRAME_MM + TITLE_H_MM + 5));
    /** Layer of the frame and title block. */
    public static final String TITLE_LAYER = "TITLE";
    /** Text height convention: height = cap height in mm (DXF semantics); the PDF font size follows. */
    public static final double TITLE_TEXT_MM = 2.5;

    private static final int MAX_TITLE_VALUE_CHARS = 64;

    /** An axis-aligned rectangle, mm. */
    public record Rect(double x, double y, double w, double h) {
    }

    /** A layer: name (DXF layer name rules), AutoCAD colour index, PDF line width in mm. */
    public record Layer(String name, int colour, double lineWidthMm) {
    }

    /**
     * Title block fields. {@code date} is an ISO date ({@code yyyy-MM-dd}) supplied by the caller, never
     * the clock; it is also the PDF creation/modification date.
     */
    public record TitleBlock(String deploymentId, String siteName, String operatorOrg, String drawingTitle,
            String drawingNumber, String revision, String sheet, String date) {
        public TitleBlock {
            Objects.requireNonNull(deploymentId, "deploymentId");
            Objects.requireNonNull(siteName, "siteName");
            Objects.requireNonNull(operatorOrg, "operatorOrg");
            Objects.requireNonNull(drawingTitle, "drawingTitle");
            Objects.requireNonNull(drawingNumber, "drawingNumber");
            Objects.requireNonNull(revision, "revision");
            Objects.requireNonNull(sheet, "sheet");
            Objects.requireNonNull(date, "date");
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("title block date must be yyyy-MM-dd: " + date, e);
            }
        }

        /** The date as a {@link LocalDate}. */
        public LocalDate localDate() {
            return LocalDate.parse(date);
        }
    }

    /** A drawing primitive in paper mm. Shapes inside a {@link Symbol} are relative to its base point (0,0). */
    public sealed interface Shape permits Line, Polyline, Circle, Arc, Text, Insert {
        String layer();
    }

    public record Line(String layer, double x1, double y1, double x2, double y2) implements Shape {
    }

    /** Points as x0, y0, x1, y1, ... (an unmodifiable copy). */
    public record Polyline(String layer, boolean closed, List<Double> xy) implements Shape {
        public Polyline {
            xy = List.copyOf(xy);
        }
    }

    public record Circle(String layer, double cx, double cy, double r) implements Shape {
    }

    /** Counter-clockwise from {@code startDeg} to {@code endDeg}. */
    public record Arc(String layer, double cx, double cy, double r, double startDeg, double endDeg) implements Shape {
    }

    /** Text at its alignment point; {@code height} is the cap height in mm. */
    public record Text(String layer, double x, double y, double height, double rotationDeg, HAlign hAlign,
            VAlign vAlign, String value) implements Shape {
    }

    /** A symbol placed at (x, y) with uniform scale and rotation; its layer-0 shapes take this layer. */
    public record Insert(String layer, String symbol, double x, double y, double scale, double rotationDeg)
            implements Shape {
    }

    /** A reusable symbol (a DXF block): name and shapes relative to its base point (0,0). */
    public record Symbol(String name, List<Shape> shapes) {
        public Symbol {
            shapes = List.copyOf(shapes);
        }
    }

    private final TitleBlock titleBlock;
    private final int scale;
    private final boolean toScale;
    private final Map<String, Layer> layers;
    private final Map<String, Symbol> symbols;
    private final List<Shape> shapes;

    private Sheet(Builder b) {
        this.titleBlock = b.titleBlock;
        this.scale = b.scale;
        this.toScale = b.toScale;
        this.layers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.layers));
        this.symbols = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.symbols));
        this.shapes = List.copyOf(b.shapes);
    }

    public static Builder builder(TitleBlock titleBlock) {
        return new Builder(titleBlock);
    }

    public TitleBlock titleBlock() {
        return titleBlock;
    }

    /** Scale denominator: the sheet is drawn at 1:scale. */
    public int scale() {
        return scale;
    }

    /** "1:N", or "NTS" for schematic sheets. */
    public String scaleLabel() {
        return toScale ? "1:" + scale : "NTS";
    }

    /** Layers in declaration order (layer 0 first). */
    public Map<String, Layer> layers() {
        return layers;
    }

    public Map<String, Symbol> symbols() {
        return symbols;
    }

    /** All shapes, content first then frame and title block. */
    public List<Shape> shapes() {
        return shapes;
    }

    /** Every text value on the sheet, including texts inside placed symbols, in drawing order. */
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        collectTexts(shapes, out);
        return out;
    }

    private void collectTexts(List<Shape> list, List<String> out) {
        for (Shape s : list) {
            if (s instanceof Text t) {
                out.add(t.value());
            } else if (s instanceof Insert i) {
                collectTexts(symbols.get(i.symbol()).shapes(), out);
            }
        }
    }

    /** The DXF (R12, metres, see the class comment). Deterministic. */
    public byte[] toDxf() {
        return toDxfModel().toBytes();
    }

    /** The PDF, see {@link Pdf#render(Sheet)}. Deterministic. */
    public byte[] toPdf() {
        return Pdf.render(this);
    }

    /**
     * SHA-256 (hex) of the drawing model: the DXF serialisation (which holds every shape, symbol, layer
     * and the title block) plus the PDF-only layer line widths. Used as the PDF document ID.
     */
    public String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(toDxf());
            for (Layer l : layers.values()) {
                md.update((l.name() + '=' + Dxf.number(l.lineWidthMm()) + '\n').getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The DXF model {@link #toDxf} serialises, e.g. for its {@link Dxf#entityCounts()}. */
    public Dxf toDxfModel() {
        double k = scale / 1000.0;
        Dxf dxf = new Dxf().units(Dxf.UNITS_METRES);
        for (Layer l : layers.values()) {
            if (!l.name().equals("0")) {
                dxf.layer(l.name(), l.colour());
            }
        }
        for (Symbol s : symbols.values()) {
            Dxf.Block b = dxf.block(s.name(), 0, 0);
            for (Shape sh : s.shapes()) {
                writeBlockShape(b, sh, k);
            }
        }
        for (Shape sh : shapes) {
            writeShape(dxf, sh, k);
        }
        return dxf;
    }

    private static void writeShape(Dxf d, Shape s, double k) {
        if (s instanceof Line l) {
            d.line(l.layer(), l.x1() * k, l.y1() * k, l.x2() * k, l.y2() * k);
        } else if (s instanceof Polyline p) {
            d.polyline(p.layer(), p.closed(), scaled(p.xy(), k));
        } else if (s instanceof Circle c) {
            d.circle(c.layer(), c.cx() * k, c.cy() * k, c.r() * k);
        } else if (s instanceof Arc a) {
            d.arc(a.layer(), a.cx() * k, a.cy() * k, a.r() * k, a.startDeg(), a.endDeg());
        } else if (s instanceof Text t) {
            d.text(t.layer(), t.x() * k, t.y() * k, t.height() * k, t.rotationDeg(), t.hAlign(), t.vAlign(), t.value());
        } else if (s instanceof Insert i) {
            // block geometry is stored scaled already, so the INSERT scale stays the symbol scale
            d.insert(i.layer(), i.symbol(), i.x() * k, i.y() * k, i.scale(), i.scale(), i.rotationDeg());
        }
    }

    private static void writeBlockShape(Dxf.Block d, Shape s, double k) {
        if (s instanceof Line l) {
            d.line(l.layer(), l.x1() * k, l.y1() * k, l.x2() * k, l.y2() * k);
        } else if (s instanceof Polyline p) {
            d.polyline(p.layer(), p.closed(), scaled(p.xy(), k));
        } else if (s instanceof Circle c) {
            d.circle(c.layer(), c.cx() * k, c.cy() * k, c.r() * k);
        } else if (s instanceof Arc a) {
            d.arc(a.layer(), a.cx() * k, a.cy() * k, a.r() * k, a.startDeg(), a.endDeg());
        } else if (s instanceof Text t) {
            d.text(t.layer(), t.x() * k, t.y() * k, t.height() * k, t.rotationDeg(), t.hAlign(), t.vAlign(), t.value());
        } else if (s instanceof Insert i) {
            d.insert(i.layer(), i.symbol(), i.x() * k, i.y() * k, i.scale(), i.scale(), i.rotationDeg());
        }
    }

    private static double[] scaled(List<Double> xy, double k) {
        double[] out = new double[xy.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = xy.get(i) * k;
        }
        return out;
    }

    /** Builds a sheet. Layers and symbols must be declared before shapes use them. */
    public static final class Builder {
        private final TitleBlock titleBlock;
        private int scale = 100;
        private boolean toScale;
        private final Map<String, Layer> layers = new LinkedHashMap<>();
        private final Map<String, Symbol> symbols = new LinkedHashMap<>();
        private final List<Shape> shapes = new ArrayList<>();
        private boolean built;

        private Builder(TitleBlock titleBlock) {
            this.titleBlock = Objects.requireNonNull(titleBlock, "titleBlock");
            layers.put("0", new Layer("0", 7, 0.25));
            layer(TITLE_LAYER, 7, 0.35);
        }

        /** Drawn at 1:denominator; {@code toScale=false} marks a schematic ("NTS"). Default 1:100, NTS. */
        public Builder scale(int denominator, boolean toScale) {
            if (denominator < 1) {
                throw new IllegalArgumentException("scale denominator must be >= 1: " + denominator);
            }
            this.scale = denominator;
            this.toScale = toScale;
            return this;
        }

        /** Declares a layer (AutoCAD colour index 1..255, PDF line width mm). */
        public Builder layer(String name, int colour, double lineWidthMm) {
            new Dxf().layer(name, colour); // same name and colour rules as the DXF
            if (!(lineWidthMm > 0)) {
                throw new IllegalArgumentException("layer " + name + ": line width must be > 0");
            }
            Layer old = layers.putIfAbsent(name, new Layer(name, colour, lineWidthMm));
            if (old != null && (old.colour() != colour || old.lineWidthMm() != lineWidthMm)) {
                throw new IllegalArgumentException("layer " + name + " already declared differently");
            }
            return this;
        }

        /** Defines a symbol; shapes are relative to its base point. Layer "0" shapes follow the insert's layer. */
        public SymbolBuilder symbol(String name) {
            if (symbols.containsKey(name)) {
                throw new IllegalArgumentException("symbol " + name + " already defined");
            }
            return new SymbolBuilder(this, name);
        }

        public boolean hasSymbol(String name) {
            return symbols.containsKey(name);
        }

        public Builder line(String layer, double x1, double y1, double x2, double y2) {
            return add(new Line(layer, x1, y1, x2, y2));
        }

        public Builder polyline(String layer, boolean closed, double... xy) {
            return add(polylineOf(layer, closed, xy));
        }

        public Builder rect(String layer, double x, double y, double w, double h) {
            return add(polylineOf(layer, true, x, y, x + w, y, x + w, y + h, x, y + h));
        }

        public Builder circle(String layer, double cx, double cy, double r) {
            return add(new Circle(layer, cx, cy, r));
        }

        public Builder arc(String layer, double cx, double cy, double r, double startDeg, double endDeg) {
            return add(new Arc(layer, cx, cy, r, startDeg, endDeg));
        }

        public Builder text(String layer, double x, double y, double height, HAlign h, VAlign v, String value) {
            return add(new Text(layer, x, y, height, 0, h, v, value));
        }

        public Builder text(String layer, double x, double y, double height, double rotationDeg, HAlign h, VAlign v,
                String value) {
            return add(new Text(layer, x, y, height, rotationDeg, h, v, value));
        }

        public Builder insert(String layer, String symbol, double x, double y, double scale, double rotationDeg) {
            return add(new Insert(layer, symbol, x, y, scale, rotationDeg));
        }

        private Builder add(Shape s) {
            if (built) {
                throw new IllegalStateException("sheet already built");
            }
            check(s, layers, symbols, "sheet");
            shapes.add(s);
            return this;
        }

        /** Adds the frame and title block and returns the immutable sheet. */
        public Sheet build() {
            if (built) {
                throw new IllegalStateException("sheet already built");
            }
            addFrameAndTitleBlock();
            built = true;
            return new Sheet(this);
        }

        private void addFrameAndTitleBlock() {
            String t = TITLE_LAYER;
            rect(t, FRAME_MM, FRAME_MM, WIDTH_MM - 2 * FRAME_MM, HEIGHT_MM - 2 * FRAME_MM);
            double x0 = WIDTH_MM - FRAME_MM - TITLE_W_MM;
            double y0 = FRAME_MM;
            double row = TITLE_H_MM / 7;
            rect(t, x0, y0, TITLE_W_MM, TITLE_H_MM);
            for (int i = 1; i < 7; i++) {
                line(t, x0, y0 + i * row, x0 + TITLE_W_MM, y0 + i * row);
            }
            // bottom row split: DWG NO | REV | SHEET; second row: DATE | SCALE
            line(t, x0 + 110, y0, x0 + 110, y0 + row);
            line(t, x0 + 140, y0, x0 + 140, y0 + row);
            line(t, x0 + 90, y0 + row, x0 + 90, y0 + 2 * row);
            TitleBlock tb = titleBlock;
            cell(x0, y0, row, "DWG NO", tb.drawingNumber(), 110);
            cell(x0 + 110, y0, row, "REV", tb.revision(), 30);
            cell(x0 + 140, y0, row, "SHEET", tb.sheet(), 40);
            cell(x0, y0 + row, row, "DATE", tb.date(), 90);
            cell(x0 + 90, y0 + row, row, "SCALE", toScale ? "1:" + scale : "NTS", 90);
            cell(x0, y0 + 2 * row, row, "TITLE", tb.drawingTitle(), TITLE_W_MM);
            cell(x0, y0 + 3 * row, row, "DEPLOYMENT", tb.deploymentId(), TITLE_W_MM);
            cell(x0, y0 + 4 * row, row, "SITE", tb.siteName(), TITLE_W_MM);
            cell(x0, y0 + 5 * row, row, "OPERATOR", tb.operatorOrg(), TITLE_W_MM);
            text(t, x0 + TITLE_W_MM / 2, y0 + 6.5 * row, TITLE_TEXT_MM, HAlign.CENTER, VAlign.MIDDLE,
                    "ARCNODE ENGINEERING DELIVERY PACKAGE");
        }

        private void cell(double x, double y, double row, String label, String value, double width) {
            text(TITLE_LAYER, x + 1.5, y + row / 2, 1.6, HAlign.LEFT, VAlign.MIDDLE, label);
            double labelW = label.length() <= 6 ? 14 : 22;
            int max = (int) Math.min(MAX_TITLE_VALUE_CHARS, Math.floor((width - labelW - 2) / (TITLE_TEXT_MM * 0.75)));
            text(TITLE_LAYER, x + labelW, y + row / 2, TITLE_TEXT_MM, HAlign.LEFT, VAlign.MIDDLE, fit(value, max));
        }

        private static String fit(String s, int max) {
            String oneLine = s.replaceAll("\\s+", " ").trim();
            return oneLine.length() <= max ? oneLine : oneLine.substring(0, Math.max(1, max - 3)) + "...";
        }

        static Polyline polylineOf(String layer, boolean closed, double... xy) {
            if (xy.length < 4 || xy.length % 2 != 0) {
                throw new IllegalArgumentException("polyline needs x,y pairs, at least two points");
            }
            List<Double> pts = new ArrayList<>(xy.length);
            for (double v : xy) {
                pts.add(v);
            }
            return new Polyline(layer, closed, pts);
        }

        static void check(Shape s, Map<String, Layer> layers, Map<String, Symbol> symbols, String owner) {
            if (!layers.containsKey(s.layer())) {
                throw new IllegalArgumentException(owner + ": layer " + s.layer() + " is not declared");
            }
            if (s instanceof Insert i && !symbols.containsKey(i.symbol())) {
                throw new IllegalArgumentException(owner + ": symbol " + i.symbol() + " is not defined");
            }
            if (s instanceof Insert i && !(i.scale() > 0)) {
                throw new IllegalArgumentException(owner + ": insert scale must be > 0");
            }
            if (s instanceof Text t && (!(t.height() > 0) || t.value() == null)) {
                throw new IllegalArgumentException(owner + ": text needs a height > 0 and a value");
            }
        }
    }

    /** Collects the shapes of one symbol; {@link #done()} returns to the sheet builder. */
    public static final class SymbolBuilder {
        private final Builder parent;
        private final String name;
        private final List<Shape> shapes = new ArrayList<>();

        private SymbolBuilder(Builder parent, String name) {
            new Dxf().block(name, 0, 0); // same name rules as a DXF block
            this.parent = parent;
            this.name = name;
        }

        public SymbolBuilder line(double x1, double y1, double x2, double y2) {
            return add(new Line("0", x1, y1, x2, y2));
        }

        public SymbolBuilder polyline(boolean closed, double... xy) {
            return add(Builder.polylineOf("0", closed, xy));
        }

        public SymbolBuilder rect(double x, double y, double w, double h) {
            return add(Builder.polylineOf("0", true, x, y, x + w, y, x + w, y + h, x, y + h));
        }

        public SymbolBuilder circle(double cx, double cy, double r) {
            return add(new Circle("0", cx, cy, r));
        }

        public SymbolBuilder arc(double cx, double cy, double r, double startDeg, double endDeg) {
            return add(new Arc("0", cx, cy, r, startDeg, endDeg));
        }

        public SymbolBuilder text(double x, double y, double height, HAlign h, VAlign v, String value) {
            return add(new Text("0", x, y, height, 0, h, v, value));
        }

        /** A nested symbol placement (the nested symbol must be defined already). */
        public SymbolBuilder insert(String symbol, double x, double y, double scale, double rotationDeg) {
            return add(new Insert("0", symbol, x, y, scale, rotationDeg));
        }

        private SymbolBuilder add(Shape s) {
            Builder.check(s, parent.layers, parent.symbols, "symbol " + name);
            shapes.add(s);
            return this;
        }

        public Builder done() {
            if (shapes.isEmpty()) {
                throw new IllegalArgumentException("symbol " + name + " is empty");
            }
            parent.symbols.put(name, new Symbol(name, shapes));
            return parent;
        }
    }
}
