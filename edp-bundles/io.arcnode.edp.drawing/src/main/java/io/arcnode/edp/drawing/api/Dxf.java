package io.arcnode.edp.drawing.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A small writer for ASCII DXF in the AutoCAD R12 ({@code AC1009}) structure, the most widely readable
 * DXF dialect: HEADER, TABLES (LTYPE, LAYER, STYLE), BLOCKS, ENTITIES, EOF. Entities: LINE, POLYLINE
 * (with VERTEX/SEQEND), CIRCLE, ARC, TEXT and INSERT. No handles are written ({@code $HANDLING 0}).
 *
 * <p>Output is deterministic: entities, layers and blocks are written in the order they were added,
 * numbers are formatted with {@link #number(double)} (at most 6 decimals, never {@code -0}), lines end
 * with CRLF, and the file is pure ASCII (characters outside printable ASCII in strings are written as
 * AutoCAD {@code \U+XXXX} escapes, control characters become spaces).
 *
 * <p>Every layer an entity uses must be declared with {@link #layer(String, int)} first (layer
 * {@code 0} is always declared, colour 7); every block an INSERT uses must be defined first.
 * Not thread-safe.
 */
public final class Dxf {

    /** {@code $INSUNITS} value for millimetres. */
    public static final int UNITS_MILLIMETRES = 4;
    /** {@code $INSUNITS} value for metres (the default). */
    public static final int UNITS_METRES = 6;

    /** Maximum decimals written for a coordinate or size. */
    public static final int MAX_DECIMALS = 6;

    private static final Pattern NAME = Pattern.compile("[A-Z0-9_$-]{1,31}");
    private static final String EOL = "\r\n";
    /** Rough text width per character, as a fraction of the text height, used only for $EXTMIN/$EXTMAX. */
    private static final double TEXT_WIDTH_FACTOR = 0.8;

    /** TEXT horizontal alignment (group 72). */
    public enum HAlign {
        LEFT(0), CENTER(1), RIGHT(2);

        final int code;

        HAlign(int code) {
            this.code = code;
        }
    }

    /** TEXT vertical alignment (group 73). */
    public enum VAlign {
        BASELINE(0), BOTTOM(1), MIDDLE(2), TOP(3);

        final int code;

        VAlign(int code) {
            this.code = code;
        }
    }

    private int units = UNITS_METRES;
    private final Map<String, Integer> layers = new LinkedHashMap<>();
    private final Map<String, Block> blocks = new LinkedHashMap<>();
    private final Entities model = new Entities(this, "model space");

    public Dxf() {
        layers.put("0", 7);
    }

    /** Sets {@code $INSUNITS} (6 = metres, the default; 4 = millimetres). */
    public Dxf units(int insunits) {
        if (insunits < 0 || insunits > 20) {
            throw new IllegalArgumentException("$INSUNITS out of range: " + insunits);
        }
        this.units = insunits;
        return this;
    }

    /**
     * Declares a layer with an AutoCAD colour index (1..255). Declaring the same layer again with
     * the same colour is a no-op; with another colour it is an error.
     */
    public Dxf layer(String name, int colour) {
        checkName(name, "layer");
        if (colour < 1 || colour > 255) {
            throw new IllegalArgumentException("layer " + name + ": colour must be 1..255, was " + colour);
        }
        Integer old = layers.putIfAbsent(name, colour);
        if (old != null && old != colour) {
            throw new IllegalArgumentException("layer " + name + " already declared with colour " + old);
        }
        return this;
    }

    public Dxf line(String layer, double x1, double y1, double x2, double y2) {
        model.line(layer, x1, y1, x2, y2);
        return this;
    }

    /** A 2D POLYLINE through the points {@code x0, y0, x1, y1, ...} (at least two points). */
    public Dxf polyline(String layer, boolean closed, double... xy) {
        model.polyline(layer, closed, xy);
        return this;
    }

    public Dxf circle(String layer, double cx, double cy, double radius) {
        model.circle(layer, cx, cy, radius);
        return this;
    }

    /** An ARC drawn counter-clockwise from {@code startDeg} to {@code endDeg}. */
    public Dxf arc(String layer, double cx, double cy, double radius, double startDeg, double endDeg) {
        model.arc(layer, cx, cy, radius, startDeg, endDeg);
        return this;
    }

    /** A TEXT at {@code (x, y)} (the alignment point), height = cap height in drawing units. */
    public Dxf text(String layer, double x, double y, double height, double rotationDeg, HAlign h, VAlign v,
            String value) {
        model.text(layer, x, y, height, rotationDeg, h, v, value);
        return this;
    }

    /** An INSERT of a block defined earlier with {@link #block(String, double, double)}. */
    public Dxf insert(String layer, String blockName, double x, double y, double scaleX, double scaleY,
            double rotationDeg) {
        model.insert(layer, blockName, x, y, scaleX, scaleY, rotationDeg);
        return this;
    }

    /**
     * Defines a block with its base point; add its entities to the returned block. A block may insert
     * blocks defined before it (never itself).
     */
    public Block block(String name, double baseX, double baseY) {
        checkName(name, "block");
        if (blocks.containsKey(name)) {
            throw new IllegalArgumentException("block " + name + " already defined");
        }
        Block b = new Block(this, name, baseX, baseY);
        blocks.put(name, b);
        return b;
    }

    /** Model-space entity counts by DXF type (a POLYLINE counts once, its VERTEX/SEQEND records not). */
    public SortedMap<String, Integer> entityCounts() {
        SortedMap<String, Integer> counts = new TreeMap<>();
        for (Entity e : model.list) {
            counts.merge(e.type(), 1, Integer::sum);
        }
        return counts;
    }

    /** Declared layers and their colours, in declaration order (layer 0 first). */
    public Map<String, Integer> layers() {
        return Collections.unmodifiableMap(layers);
    }

    /** Defined block names in definition order. */
    public List<String> blockNames() {
        return List.copyOf(blocks.keySet());
    }

    /** The whole file, ASCII, CRLF line ends. */
    public byte[] toBytes() {
        Out o = new Out();
        double[] ext = extents();
        o.pair(0, "SECTION").pair(2, "HEADER");
        o.pair(9, "$ACADVER").pair(1, "AC1009");
        o.pair(9, "$DWGCODEPAGE").pair(3, "ANSI_1252");
        o.pair(9, "$HANDLING").pair(70, "0");
        o.pair(9, "$INSBASE").xyz(0, 0);
        o.pair(9, "$EXTMIN").xyz(ext[0], ext[1]);
        o.pair(9, "$EXTMAX").xyz(ext[2], ext[3]);
        o.pair(9, "$LIMMIN").xy(ext[0], ext[1]);
        o.pair(9, "$LIMMAX").xy(ext[2], ext[3]);
        o.pair(9, "$INSUNITS").pair(70, Integer.toString(units));
        o.pair(0, "ENDSEC");

        o.pair(0, "SECTION").pair(2, "TABLES");
        o.pair(0, "TABLE").pair(2, "LTYPE").pair(70, "1");
        o.pair(0, "LTYPE").pair(2, "CONTINUOUS").pair(70, "0").pair(3, "Solid line").pair(72, "65")
                .pair(73, "0").num(40, 0);
        o.pair(0, "ENDTAB");
        o.pair(0, "TABLE").pair(2, "LAYER").pair(70, Integer.toString(layers.size()));
        for (Map.Entry<String, Integer> l : layers.entrySet()) {
            o.pair(0, "LAYER").pair(2, l.getKey()).pair(70, "0").pair(62, l.getValue().toString())
                    .pair(6, "CONTINUOUS");
        }
        o.pair(0, "ENDTAB");
        o.pair(0, "TABLE").pair(2, "STYLE").pair(70, "1");
        o.pair(0, "STYLE").pair(2, "STANDARD").pair(70, "0").num(40, 0).num(41, 1).num(50, 0).pair(71, "0")
                .num(42, 2.5).pair(3, "txt").pair(4, "");
        o.pair(0, "ENDTAB");
        o.pair(0, "ENDSEC");

        o.pair(0, "SECTION").pair(2, "BLOCKS");
        for (Block b : blocks.values()) {
            o.pair(0, "BLOCK").pair(8, "0").pair(2, b.name).pair(70, "0").xyz(b.baseX, b.baseY).pair(3, b.name);
            for (Entity e : b.entities.list) {
                e.write(o);
            }
            o.pair(0, "ENDBLK").pair(8, "0");
        }
        o.pair(0, "ENDSEC");

        o.pair(0, "SECTION").pair(2, "ENTITIES");
        for (Entity e : model.list) {
            e.write(o);
        }
        o.pair(0, "ENDSEC");
        o.pair(0, "EOF");
        return o.sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Deterministic number formatting: at most {@value #MAX_DECIMALS} decimals, at least one, no "-0". */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(MAX_DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0.0";
        }
        String s = d.toPlainString();
        return s.indexOf('.') < 0 ? s + ".0" : s;
    }

    /** Escapes a string value: printable ASCII kept, control characters to space, others to {@code \U+XXXX}. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F) {
                sb.append(' ');
            } else if (cp < 0x7F) {
                sb.append((char) cp);
            } else if (cp <= 0xFFFF) {
                sb.append(String.format(java.util.Locale.ROOT, "\\U+%04X", cp));
            } else {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    private double[] extents() {
        Box box = new Box();
        for (Entity e : model.list) {
            e.extend(box, Transform.IDENTITY, this);
        }
        if (box.empty()) {
            return new double[] {0, 0, 0, 0};
        }
        return new double[] {box.minX, box.minY, box.maxX, box.maxY};
    }

    private static void checkName(String name, String what) {
        Objects.requireNonNull(name, what + " name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name must match " + NAME.pattern() + ": " + name);
        }
    }

    void checkLayer(String layer) {
        if (!layers.containsKey(layer)) {
            throw new IllegalArgumentException("layer " + layer + " is not declared; call layer(name, colour) first");
        }
    }

    /** A block definition; its entities are relative to the block's base point. */
    public static final class Block {
        private final String name;
        private final double baseX;
        private final double baseY;
        private final Entities entities;

        private Block(Dxf dxf, String name, double baseX, double baseY) {
            this.name = name;
            this.baseX = baseX;
            this.baseY = baseY;
            this.entities = new Entities(dxf, "block " + name);
        }

        public String name() {
            return name;
        }

        public Block line(String layer, double x1, double y1, double x2, double y2) {
            entities.line(layer, x1, y1, x2, y2);
            return this;
        }

        public Block polyline(String layer, boolean closed, double... xy) {
            entities.polyline(layer, closed, xy);
            return this;
        }

        public Block circle(String layer, double cx, double cy, double radius) {
            entities.circle(layer, cx, cy, radius);
            return this;
        }

        public Block arc(String layer, double cx, double cy, double radius, double startDeg, double endDeg) {
            entities.arc(layer, cx, cy, radius, startDeg, endDeg);
            return this;
        }

        public Block text(String layer, double x, double y, double height, double rotationDeg, HAlign h,
                VAlign v, String value) {
            entities.text(layer, x, y, height, rotationDeg, h, v, value);
            return this;
        }

        public Block insert(String layer, String blockName, double x, double y, double scaleX, double scaleY,
                double rotationDeg) {
            if (blockName.equals(name)) {
                throw new IllegalArgumentException("block " + name + " cannot insert itself");
            }
            entities.insert(layer, blockName, x, y, scaleX, scaleY, rotationDeg);
            return this;
        }
    }

    private static final class Entities {
        private final Dxf dxf;
        private final String owner;
        private final List<Entity> list = new ArrayList<>();

        Entities(Dxf dxf, String owner) {
            this.dxf = dxf;
            this.owner = owner;
        }

        void line(String layer, double x1, double y1, double x2, double y2) {
            dxf.checkLayer(layer);
            finite(x1, y1, x2, y2);
            list.add(new Line(layer, x1, y1, x2, y2));
        }

        void polyline(String layer, boolean closed, double... xy) {
            dxf.checkLayer(layer);
            if (xy.length < 4 || xy.length % 2 != 0) {
                throw new IllegalArgumentException(owner + ": polyline needs x,y pairs, at least two points");
            }
            finite(xy);
            list.add(new Poly(layer, closed, xy.clone()));
        }

        void circle(String layer, double cx, double cy, double r) {
            dxf.checkLayer(layer);
            finite(cx, cy, r);
            positive(r, "circle radius");
            list.add(new Circle(layer, cx, cy, r));
        }

        void arc(String layer, double cx, double cy, double r, double a0, double a1) {
            dxf.checkLayer(layer);
            finite(cx, cy, r, a0, a1);
            positive(r, "arc radius");
            list.add(new Arc(layer, cx, cy, r, a0, a1));
        }

        void text(String layer, double x, double y, double h, double rot, HAlign ha, VAlign va, String value) {
            dxf.checkLayer(layer);
            finite(x, y, h, rot);
            positive(h, "text height");
            list.add(new Text(layer, x, y, h, rot, Objects.requireNonNull(ha), Objects.requireNonNull(va),
                    Objects.requireNonNull(value, "text value")));
        }

        void insert(String layer, String block, double x, double y, double sx, double sy, double rot) {
            dxf.checkLayer(layer);
            finite(x, y, sx, sy, rot);
            if (!dxf.blocks.containsKey(block)) {
                throw new IllegalArgumentException(owner + ": block " + block + " is not defined");
            }
            if (sx == 0 || sy == 0) {
                throw new IllegalArgumentException(owner + ": insert scale must not be 0");
            }
            list.add(new Insert(layer, block, x, y, sx, sy, rot));
        }

        private static void finite(double... vs) {
            for (double v : vs) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("not a finite number: " + v);
                }
            }
        }

        private void positive(double v, String what) {
            if (v <= 0) {
                throw new IllegalArgumentException(owner + ": " + what + " must be > 0, was " + v);
            }
        }
    }

    /** Writes group code / value pairs, each on its own line; group codes right-aligned in 3 columns. */
    private static final class Out {
        final StringBuilder sb = new StringBuilder(1 << 16);

        Out pair(int code, String value) {
            String c = Integer.toString(code);
            for (int i = c.length(); i < 3; i++) {
                sb.append(' ');
            }
            sb.append(c).append(EOL).append(escape(value)).append(EOL);
            return this;
        }

        Out num(int code, double v) {
            return pair(code, number(v));
        }

        Out xy(double x, double y) {
            return num(10, x).num(20, y);
        }

        Out xyz(double x, double y) {
            return num(10, x).num(20, y).num(30, 0);
        }
    }

    private static final class Box {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;

        boolean empty() {
            return minX > maxX;
        }

        void addCircle(Transform t, double cx, double cy, double r) {
            double tx = t.x(cx, cy);
            double ty = t.y(cx, cy);
            double tr = r * Math.max(Math.hypot(t.a, t.b), Math.hypot(t.c, t.d));
            minX = Math.min(minX, tx - tr);
            minY = Math.min(minY, ty - tr);
            maxX = Math.max(maxX, tx + tr);
            maxY = Math.max(maxY, ty + tr);
        }

        void add(Transform t, double x, double y) {
            double tx = t.x(x, y);
            double ty = t.y(x, y);
            minX = Math.min(minX, tx);
            minY = Math.min(minY, ty);
            maxX = Math.max(maxX, tx);
            maxY = Math.max(maxY, ty);
        }
    }

    /** Affine 2D transform {@code (a c e / b d f)} used only for extents of block inserts. */
    private record Transform(double a, double b, double c, double d, double e, double f) {
        static final Transform IDENTITY = new Transform(1, 0, 0, 1, 0, 0);

        double x(double x, double y) {
            return a * x + c * y + e;
        }

        double y(double x, double y) {
            return b * x + d * y + f;
        }

        Transform then(Transform inner) {
            return new Transform(a * inner.a + c * inner.b, b * inner.a + d * inner.b,
                    a * inner.c + c * inner.d, b * inner.c + d * inner.d,
                    a * inner.e + c * inner.f + e, b * inner.e + d * inner.f + f);
        }
    }

    private sealed interface Entity permits Line, Poly, Circle, Arc, Text, Insert {
        String type();

        void write(Out o);

        void extend(Box box, Transform t, Dxf dxf);
    }

    private record Line(String layer, double x1, double y1, double x2, double y2) implements Entity {
        public String type() {
            return "LINE";
        }

        public void write(Out o) {
            o.pair(0, "LINE").pair(8, layer).xyz(x1, y1).num(11, x2).num(21, y2).num(31, 0);
        }

        public void extend(Box box, Transform t, Dxf dxf) {
            box.add(t, x1, y1);
            box.add(t, x2, y2);
        }
    }

    private record Poly(String layer, boolean closed, double[] xy) implements Entity {
        public String type() {
            return "POLYLINE";
        }

        public void write(Out o) {
            o.pair(0, "POLYLINE").pair(8, layer).pair(66, "1").xyz(0, 0).pair(70, closed ? "1" : "0");
            for (int i = 0; i < xy.length; i += 2) {
                o.pair(0, "VERTEX").pair(8, layer).xyz(xy[i], xy[i + 1]);
            }
            o.pair(0, "SEQEND").pair(8, layer);
        }

        public void extend(Box box, Transform t, Dxf dxf) {
            for (int i = 0; i < xy.length; i += 2) {
                box.add(t, xy[i], xy[i + 1]);
            }
        }
    }

    private record Circle(String layer, double cx, double cy, double r) implements Entity {
        public String type() {
            return "CIRCLE";
        }

        public void write(Out o) {
            o.pair(0, "CIRCLE").pair(8, layer).xyz(cx, cy).num(40, r);
        }

        public void extend(Box box, Transform t, Dxf dxf) {
            box.addCircle(t, cx, cy, r);
        }
    }

    private record Arc(String layer, double cx, double cy, double r, double a0, double a1) implements Entity {
        public String type() {
            return "ARC";
        }

        public void write(Out o) {
            o.pair(0, "ARC").pair(8, layer).xyz(cx, cy).num(40, r).num(50, a0).num(51, a1);
        }

        public void extend(Box box, Transform t, Dxf dxf) {
            box.addCircle(t, cx, cy, r);
        }
    }

    private record Text(String layer, double x, double y, double h, double rot, HAlign ha, VAlign va,
            String value) implements Entity {
        public String type() {
            return "TEXT";
        }

        public void write(Out o) {
            o.pair(0, "TEXT").pair(8, layer).xyz(x, y).num(40, h).pair(1, value);
            if (rot != 0) {
                o.num(50, rot);
            }
            o.pair(7, "STANDARD");
            if (ha != HAlign.LEFT) {
                o.pair(72, Integer.toString(ha.code));
            }
            if (ha != HAlign.LEFT || va != VAlign.BASELINE) {
                o.num(11, x).num(21, y).num(31, 0);
            }
            if (va != VAlign.BASELINE) {
                o.pair(73, Integer.toString(va.code));
            }
        }

        public void extend(Box box, Transform t, Dxf dxf) {
            double w = TEXT_WIDTH_FACTOR * h * value.length();
            double x0 = switch (ha) {
                case LEFT -> 0;
                case CENTER -> -w / 2;
                case RIGHT -> -w;
            };
            double y0 = switch (va) {
                case BASELINE, BOTTOM -> 0;
                case MIDDLE -> -h / 2;
                case TOP -> -h;
            };
            double rad = Math.toRadians(rot);
            Transform local = t.then(new Transform(Math.cos(rad), Math.sin(rad), -Math.sin(rad), Math.cos(rad), x, y));
            box.add(local, x0, y0);
            box.add(local, x0 + w, y0);
            box.add(local, x0, y0 + h);
            box.add(local, x0 + w, y0 + h);
        }
    }

    private record Insert(String layer, String block, double x, double y, double sx, double sy, double rot)
            implements Entity {
        public String type() {
            return "INSERT";
        }

        public void write(Out o) {
            o.pair(0, "INSERT").pair(8, layer).pair(2, block).xyz(x, y);
            if (sx != 1) {
                o.num(41, sx);
            }
            if (sy != 1) {
                o.num(42, sy);
            }
            if (rot != 0) {
                o.num(50, rot);
            }
        }

        public void extend(Box box, Transform t, Dxf dxf) {
            Block b = dxf.blocks.get(block);
            double rad = Math.toRadians(rot);
            double cos = Math.cos(rad);
            double sin = Math.sin(rad);
            // world = T(x,y) * R(rot) * S(sx,sy) * T(-base)
            Transform m = t.then(new Transform(cos * sx, sin * sx, -sin * sy, cos * sy, x, y))
                    .then(new Transform(1, 0, 0, 1, -b.baseX, -b.baseY));
            for (Entity e : b.entities.list) {
                e.extend(box, m, dxf);
            }
        }
    }
}
