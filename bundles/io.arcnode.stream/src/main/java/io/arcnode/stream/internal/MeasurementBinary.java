package io.arcnode.stream.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;

/**
 * The Avro single-object encoding of {@link Measurement} with one fixed writer schema, written and read field by
 * field without Avro's generic records (which cost most of the stream's CPU at 100k readings/s). The bytes are
 * plain Avro binary (zig-zag varints, little-endian doubles, length-prefixed UTF-8, union branch index, enum
 * symbol index, map blocks), so any Avro reader decodes them with the schema file; {@code MeasurementCodecTest}
 * checks that against Avro's own encoder and decoder. Metadata is written in key order (a {@link Measurement}'s
 * metadata is key-sorted), so the same measurement always gives the same bytes. Thread-safe.
 */
final class MeasurementBinary {

    /** First two bytes of every single-object encoded record. */
    static final byte MAGIC_0 = (byte) 0xC3;
    static final byte MAGIC_1 = (byte) 0x01;
    static final int HEADER = 10;

    private final long fingerprint;
    private final byte[] header = new byte[HEADER];
    private final Quality[] qualities;
    private final int[] qualityIndex;
    private final Classification[] classifications;
    private final int[] classificationIndex;

    /**
     * @param schema the writer schema: the fields of {@code measurement-v1.avsc} in that order
     * @throws IllegalArgumentException if its enums lack a symbol of {@link Quality} or {@link Classification}
     */
    MeasurementBinary(Schema schema) {
        fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        header[0] = MAGIC_0;
        header[1] = MAGIC_1;
        for (int i = 0; i < 8; i++) {
            header[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        Schema q = schema.getField("quality").schema();
        qualities = new Quality[q.getEnumSymbols().size()];
        qualityIndex = new int[Quality.values().length];
        for (Quality v : Quality.values()) {
            int i = symbol(q, v.json());
            qualities[i] = v;
            qualityIndex[v.ordinal()] = i;
        }
        Schema c = schema.getField("classification").schema();
        classifications = new Classification[c.getEnumSymbols().size()];
        classificationIndex = new int[Classification.values().length];
        for (Classification v : Classification.values()) {
            int i = symbol(c, v.json());
            classifications[i] = v;
            classificationIndex[v.ordinal()] = i;
        }
    }

    private static int symbol(Schema e, String name) {
        if (!e.hasEnumSymbol(name)) {
            throw new IllegalArgumentException("enum " + e.getFullName() + " has no symbol " + name);
        }
        return e.getEnumOrdinal(name);
    }

    /** @return whether {@code bytes} carry this schema's fingerprint */
    boolean writtenWithThis(byte[] bytes) {
        if (bytes.length < HEADER || bytes[0] != MAGIC_0 || bytes[1] != MAGIC_1) {
            return false;
        }
        for (int i = 2; i < HEADER; i++) {
            if (bytes[i] != header[i]) {
                return false;
            }
        }
        return true;
    }

    byte[] encode(Measurement m) {
        Out out = new Out(96 + 4 * (m.assetId().length() + m.parameter().length() + m.unit().length()));
        out.raw(header);
        out.string(m.assetId());
        out.string(m.parameter());
        out.dbl(m.value());
        out.string(m.unit());
        out.varlong(qualityIndex[m.quality().ordinal()]);
        out.varlong(classificationIndex[m.classification().ordinal()]);
        Timestamps t = m.timestamps();
        if (t.deviceTime() == null) {
            out.varlong(0);
        } else {
            out.varlong(1);
            out.varlong(t.deviceTime().toEpochMilli());
        }
        out.varlong(t.gatewayTime().toEpochMilli());
        Map<String, String> metadata = m.metadata();
        if (!metadata.isEmpty()) {
            out.varlong(metadata.size());
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                out.string(e.getKey());
                out.string(e.getValue());
            }
        }
        out.varlong(0);
        return out.bytes();
    }

    /**
     * @param bytes written with this schema ({@link #writtenWithThis})
     * @throws IllegalArgumentException naming what is wrong if they are cut short or hold impossible values
     */
    Measurement decode(byte[] bytes) {
        In in = new In(bytes, HEADER);
        String asset = in.string("asset_id");
        String parameter = in.string("parameter");
        double value = in.dbl();
        String unit = in.string("unit");
        Quality quality = in.pick(qualities, "quality");
        Classification classification = in.pick(classifications, "classification");
        long branch = in.varlong();
        Instant device;
        if (branch == 0) {
            device = null;
        } else if (branch == 1) {
            device = Instant.ofEpochMilli(in.varlong());
        } else {
            throw new IllegalArgumentException("timestamps.device_time: union branch " + branch + " of 2");
        }
        Instant gateway = Instant.ofEpochMilli(in.varlong());
        Map<String, String> metadata = new TreeMap<>();
        for (long n = in.varlong(); n != 0; n = in.varlong()) {
            if (n < 0) { // a block with its byte size: -count, then the size
                n = -n;
                in.varlong();
            }
            for (long i = 0; i < n; i++) {
                String k = in.string("metadata key");
                metadata.put(k, in.string("metadata value"));
            }
        }
        return new Measurement(asset, parameter, value, unit, quality, classification,
                new Timestamps(device, gateway), metadata);
    }

    /** A growing byte buffer with Avro's primitive encodings. */
    private static final class Out {
        byte[] buf;
        int pos;

        Out(int size) {
            buf = new byte[size];
        }

        void room(int n) {
            if (pos + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        void raw(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        void varlong(long v) {
            room(10);
            long z = (v << 1) ^ (v >> 63);
            while ((z & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((z & 0x7F) | 0x80);
                z >>>= 7;
            }
            buf[pos++] = (byte) z;
        }

        void dbl(double d) {
            room(8);
            long bits = Double.doubleToRawLongBits(d);
            for (int i = 0; i < 8; i++) {
                buf[pos++] = (byte) (bits >>> (8 * i));
            }
        }

        void string(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            varlong(utf8.length);
            raw(utf8);
        }

        byte[] bytes() {
            return pos == buf.length ? buf : Arrays.copyOf(buf, pos);
        }
    }

    /** A reader over the body, failing with the field it was reading. */
    private static final class In {
        final byte[] buf;
        int pos;

        In(byte[] buf, int pos) {
            this.buf = buf;
            this.pos = pos;
        }

        long varlong() {
            long z = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                if (pos >= buf.length) {
                    throw new IllegalArgumentException("record cut short at byte " + pos);
                }
                byte b = buf[pos++];
                z |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return (z >>> 1) ^ -(z & 1);
                }
            }
            throw new IllegalArgumentException("varint longer than 10 bytes at byte " + pos);
        }

        double dbl() {
            if (pos + 8 > buf.length) {
                throw new IllegalArgumentException("value: record cut short at byte " + pos);
            }
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits |= (long) (buf[pos++] & 0xFF) << (8 * i);
            }
            return Double.longBitsToDouble(bits);
        }

        String string(String field) {
            long n = varlong();
            if (n < 0 || n > buf.length - pos) {
                throw new IllegalArgumentException(field + ": string of " + n + " bytes, " + (buf.length - pos)
                        + " left");
            }
            String s = new String(buf, pos, (int) n, StandardCharsets.UTF_8);
            pos += (int) n;
            return s;
        }

        <T> T pick(T[] symbols, String field) {
            long i = varlong();
            if (i < 0 || i >= symbols.length || symbols[(int) i] == null) {
                throw new IllegalArgumentException(field + ": enum index " + i + " of " + symbols.length);
            }
            return symbols[(int) i];
        }
    }
}
