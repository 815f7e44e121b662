package io.arcnode.stream.internal;

import io.arcnode.stream.api.Aggregate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;

/**
 * Avro single-object encoding of {@link Aggregate} with the schemas {@code avro/aggregate-v<n>.avsc} of this
 * bundle: writes with the newest version, reads every version (resolved to the newest). Thread-safe.
 */
public final class AggregateCodec {

    /** Resource path of schema version {@code n} (1-based). */
    public static String schemaResource(int version) {
        return "/avro/aggregate-v" + version + ".avsc";
    }

    private static final List<Schema> VERSIONS = loadVersions();
    private static final Schema LATEST = VERSIONS.get(VERSIONS.size() - 1);
    private static final Schema AGGREGATES = LATEST.getField("aggregates").schema();
    private static final Schema QUALITY = LATEST.getField("quality").schema();
    private static final BinaryMessageEncoder<GenericRecord> ENCODER =
            new BinaryMessageEncoder<>(GenericData.get(), LATEST);
    private static final BinaryMessageDecoder<GenericRecord> DECODER = decoder();

    private AggregateCodec() {
    }

    /** @return every schema version, oldest first */
    public static List<Schema> versions() {
        return VERSIONS;
    }

    /** @return the schema records are written with */
    public static Schema latest() {
        return LATEST;
    }

    /** @return the single-object encoding of {@code a} */
    public static byte[] encode(Aggregate a) {
        GenericData.Record v = new GenericData.Record(AGGREGATES);
        v.put("avg", a.avg());
        v.put("min", a.min());
        v.put("max", a.max());
        v.put("count", a.count());
        v.put("sum", a.sum());
        v.put("first", a.first());
        v.put("last", a.last());
        v.put("first_time", a.firstTime().toEpochMilli());
        v.put("last_time", a.lastTime().toEpochMilli());
        GenericData.Record q = new GenericData.Record(QUALITY);
        q.put("good", a.good());
        q.put("suspect", a.suspect());
        q.put("uncertain", a.uncertain());
        GenericData.Record r = new GenericData.Record(LATEST);
        r.put("asset_id", a.assetId());
        r.put("parameter", a.parameter());
        r.put("unit", a.unit());
        r.put("resolution", a.resolution());
        r.put("window_start", a.windowStart().toEpochMilli());
        r.put("window_end", a.windowEnd().toEpochMilli());
        r.put("aggregates", v);
        r.put("quality", q);
        try {
            ByteBuffer buf = ENCODER.encode(r);
            byte[] bytes = new byte[buf.remaining()];
            buf.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the aggregate of " + a.assetId(), e);
        }
    }

    /**
     * @return the aggregate in {@code bytes}, written with any schema version of this bundle
     * @throws IllegalArgumentException if the bytes are not a single-object encoded aggregate of a known version
     */
    public static Aggregate decode(byte[] bytes) {
        try {
            GenericRecord r = DECODER.decode(bytes);
            GenericRecord v = (GenericRecord) r.get("aggregates");
            GenericRecord q = (GenericRecord) r.get("quality");
            return new Aggregate(r.get("asset_id").toString(), r.get("parameter").toString(),
                    r.get("unit").toString(), r.get("resolution").toString(), time(r, "window_start"),
                    time(r, "window_end"), (Long) v.get("count"), (Double) v.get("sum"), (Double) v.get("min"),
                    (Double) v.get("max"), (Double) v.get("first"), time(v, "first_time"), (Double) v.get("last"),
                    time(v, "last_time"), (Long) q.get("good"), (Long) q.get("suspect"), (Long) q.get("uncertain"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an Avro single-object encoded io.arcnode.telemetry.Aggregate: "
                    + e.getMessage(), e);
        }
    }

    private static Instant time(GenericRecord r, String field) {
        return Instant.ofEpochMilli((Long) r.get(field));
    }

    private static BinaryMessageDecoder<GenericRecord> decoder() {
        BinaryMessageDecoder<GenericRecord> d = new BinaryMessageDecoder<>(GenericData.get(), LATEST);
        for (Schema older : VERSIONS.subList(0, VERSIONS.size() - 1)) {
            d.addSchema(older);
        }
        return d;
    }

    private static List<Schema> loadVersions() {
        List<Schema> out = new ArrayList<>();
        for (int v = 1; ; v++) {
            try (InputStream in = AggregateCodec.class.getResourceAsStream(schemaResource(v))) {
                if (in == null) {
                    break;
                }
                out.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + schemaResource(v), e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no Avro schema " + schemaResource(1) + " in the bundle");
        }
        return List.copyOf(out);
    }
}
