package io.arcnode.stream.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;

/**
 * Avro single-object encoding ({@code C3 01}, 8-byte CRC-64-AVRO schema fingerprint, Avro binary body) of
 * {@link Measurement} with the schemas {@code avro/measurement-v<n>.avsc} of this bundle. Writes with the newest
 * version; reads every version (resolved to the newest). The newest version is written and read field by field
 * ({@link MeasurementBinary}), older ones through Avro's generic decoder. Thread-safe.
 */
public final class MeasurementCodec {

    /** Resource path of schema version {@code n} (1-based). */
    public static String schemaResource(int version) {
        return "/avro/measurement-v" + version + ".avsc";
    }

    private static final List<Schema> VERSIONS = loadVersions();
    private static final Schema LATEST = VERSIONS.get(VERSIONS.size() - 1);
    private static final BinaryMessageEncoder<GenericRecord> ENCODER =
            new BinaryMessageEncoder<>(GenericData.get(), LATEST);
    private static final BinaryMessageDecoder<GenericRecord> DECODER = decoder();
    private static final MeasurementBinary BINARY = new MeasurementBinary(LATEST);

    private MeasurementCodec() {
    }

    /** @return every schema version, oldest first */
    public static List<Schema> versions() {
        return VERSIONS;
    }

    /** @return the schema records are written with */
    public static Schema latest() {
        return LATEST;
    }

    /** @return the single-object encoding of {@code m}, metadata in key order */
    public static byte[] encode(Measurement m) {
        return BINARY.encode(m);
    }

    /** @return the single-object encoding of {@code m} by Avro's generic writer (the reference of the tests) */
    static byte[] encodeGeneric(Measurement m) {
        try {
            ByteBuffer buf = ENCODER.encode(toRecord(m));
            byte[] bytes = new byte[buf.remaining()];
            buf.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode measurement of " + m.assetId(), e);
        }
    }

    /**
     * @return the measurement in {@code bytes}, written with any schema version of this bundle
     * @throws IllegalArgumentException if the bytes are not a single-object encoded measurement of a known version
     */
    public static Measurement decode(byte[] bytes) {
        try {
            if (bytes != null && BINARY.writtenWithThis(bytes)) {
                return BINARY.decode(bytes);
            }
            return fromRecord(DECODER.decode(bytes));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an Avro single-object encoded io.arcnode.telemetry.Measurement: "
                    + e.getMessage(), e);
        }
    }

    static GenericRecord toRecord(Measurement m) {
        Schema ts = LATEST.getField("timestamps").schema();
        GenericData.Record t = new GenericData.Record(ts);
        Timestamps times = m.timestamps();
        t.put("device_time", times.deviceTime() == null ? null : times.deviceTime().toEpochMilli());
        t.put("gateway_time", times.gatewayTime().toEpochMilli());
        GenericData.Record r = new GenericData.Record(LATEST);
        r.put("asset_id", m.assetId());
        r.put("parameter", m.parameter());
        r.put("value", m.value());
        r.put("unit", m.unit());
        r.put("quality", new GenericData.EnumSymbol(LATEST.getField("quality").schema(), m.quality().json()));
        r.put("classification", new GenericData.EnumSymbol(LATEST.getField("classification").schema(),
                m.classification().json()));
        r.put("timestamps", t);
        r.put("metadata", new HashMap<>(m.metadata()));
        return r;
    }

    static Measurement fromRecord(GenericRecord r) {
        GenericRecord t = (GenericRecord) r.get("timestamps");
        Object device = t.get("device_time");
        Map<String, String> metadata = new HashMap<>();
        ((Map<?, ?>) r.get("metadata")).forEach((k, v) -> metadata.put(k.toString(), v.toString()));
        return new Measurement(r.get("asset_id").toString(), r.get("parameter").toString(), (Double) r.get("value"),
                r.get("unit").toString(), Quality.fromJson(r.get("quality").toString()),
                Classification.fromJson(r.get("classification").toString()),
                new Timestamps(device == null ? null : Instant.ofEpochMilli((Long) device),
                        Instant.ofEpochMilli((Long) t.get("gateway_time"))),
                metadata);
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
            try (InputStream in = MeasurementCodec.class.getResourceAsStream(schemaResource(v))) {
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
