package io.arcnode.stream.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.junit.jupiter.api.Test;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import io.arcnode.stream.api.MeasurementAvro;

class MeasurementCodecTest {

    static final Measurement SAMPLE = new Measurement("line_1_sensor_01", "temperature", 85.4, "celsius",
            Quality.GOOD, Classification.TELEMETRY,
            new Timestamps(Instant.parse("2026-01-29T10:00:00.123Z"), Instant.parse("2026-01-29T10:00:00.456Z")),
            Map.of("adapter_id", "adapter_modbus_001", "adapter_version", "1.2.0"));

    @Test
    void roundTripKeepsEveryField() {
        assertEquals(SAMPLE, MeasurementAvro.decode(MeasurementAvro.encode(SAMPLE)));
    }

    @Test
    void missingDeviceTimeAndEmptyMetadataRoundTrip() {
        Measurement m = new Measurement("pump_7", "state", 1, "", Quality.UNCERTAIN, Classification.ALARM,
                new Timestamps(null, Instant.parse("2026-01-29T10:00:00.456Z")), null);
        Measurement back = MeasurementAvro.decode(MeasurementAvro.encode(m));
        assertEquals(m, back);
        assertNull(back.timestamps().deviceTime());
    }

    @Test
    void bytesStartWithTheSingleObjectHeaderAndTheFingerprintOfTheSchemaFile() throws IOException {
        byte[] bytes = MeasurementAvro.encode(SAMPLE);
        assertEquals((byte) 0xC3, bytes[0]);
        assertEquals((byte) 0x01, bytes[1]);
        long fingerprint = SchemaNormalization.parsingFingerprint64(schemaFile(MeasurementCodec.versions().size()));
        byte[] expected = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(fingerprint).array();
        assertArrayEquals(expected, Arrays.copyOfRange(bytes, 2, 10));
    }

    /** What another Avro user does: parse the shipped .avsc and decode with Avro's own message decoder. */
    @Test
    void avrosOwnDecoderReadsTheBytesWithTheShippedSchemaFile() throws IOException {
        Schema schema = schemaFile(MeasurementCodec.versions().size());
        GenericRecord r = new BinaryMessageDecoder<GenericRecord>(GenericData.get(), schema)
                .decode(MeasurementAvro.encode(SAMPLE));
        assertEquals("line_1_sensor_01", r.get("asset_id").toString());
        assertEquals(85.4, r.get("value"));
        assertEquals("GOOD", r.get("quality").toString());
        assertEquals(Instant.parse("2026-01-29T10:00:00.123Z").toEpochMilli(),
                ((GenericRecord) r.get("timestamps")).get("device_time"));
        assertEquals("io.arcnode.telemetry.Measurement", r.getSchema().getFullName());
    }

    @Test
    void bytesThatAreNotAMeasurementAreRejectedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeasurementAvro.decode(new byte[] {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0}));
        assertEquals(true, e.getMessage().startsWith("not an Avro single-object encoded"), e.getMessage());
    }

    /** One metadata entry or none: the bytes are exactly those of Avro's generic writer. */
    @Test
    void bytesEqualAvrosGenericWriter() {
        Measurement[] samples = {
            new Measurement("line_1_sensor_01", "temperature", 85.4, "celsius", Quality.GOOD,
                    Classification.TELEMETRY, SAMPLE.timestamps(), Map.of("adapter_id", "adapter_modbus_001")),
            new Measurement("pump_7", "state", -1e300, "", Quality.BAD, Classification.ALARM,
                    new Timestamps(null, Instant.ofEpochMilli(0)), Map.of()),
            new Measurement("\u00e4sset \u6e29\u5ea6 \ud83d\ude00", "p", Double.NaN, "\u00b0C", Quality.SUSPECT,
                    Classification.EVENT, new Timestamps(Instant.ofEpochMilli(-5), Instant.ofEpochMilli(1L << 50)),
                    Map.of("k", "")),
            new Measurement("a", "b", Double.NEGATIVE_INFINITY, "u", Quality.UNCERTAIN, Classification.TELEMETRY,
                    new Timestamps(Instant.ofEpochMilli(Long.MAX_VALUE / 4), Instant.ofEpochMilli(63)), null)};
        for (Measurement m : samples) {
            assertArrayEquals(MeasurementCodec.encodeGeneric(m), MeasurementAvro.encode(m), m.toString());
        }
    }

    /** Many random measurements, several metadata entries: each side reads what the other wrote. */
    @Test
    void avrosGenericCodecAndTheFieldCodecReadEachOther() throws IOException {
        java.util.Random random = new java.util.Random(42);
        Quality[] qualities = Quality.values();
        Classification[] classes = Classification.values();
        BinaryMessageDecoder<GenericRecord> avro = new BinaryMessageDecoder<>(GenericData.get(),
                schemaFile(MeasurementCodec.versions().size()));
        for (int i = 0; i < 2000; i++) {
            Map<String, String> metadata = new java.util.HashMap<>();
            for (int k = random.nextInt(5); k > 0; k--) {
                metadata.put(word(random), word(random));
            }
            Measurement m = new Measurement(word(random), word(random), random.nextGaussian() * 1e6, word(random),
                    qualities[random.nextInt(qualities.length)], classes[random.nextInt(classes.length)],
                    new Timestamps(random.nextBoolean() ? null : Instant.ofEpochMilli(random.nextLong() >> 20),
                            Instant.ofEpochMilli(random.nextLong() >> 20)), metadata);
            byte[] ours = MeasurementAvro.encode(m);
            assertEquals(m, MeasurementAvro.decode(MeasurementCodec.encodeGeneric(m)));
            assertEquals(m, MeasurementCodec.fromRecord(avro.decode(ours)));
            assertArrayEquals(ours, MeasurementAvro.encode(MeasurementAvro.decode(ours)), "same bytes again");
        }
    }

    @Test
    void everyCutShortRecordIsRejectedWithAReason() {
        byte[] whole = MeasurementAvro.encode(SAMPLE);
        for (int n = 10; n < whole.length; n++) {
            byte[] cut = Arrays.copyOf(whole, n);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeasurementAvro.decode(cut),
                    n + " bytes");
            assertEquals(true, e.getMessage().startsWith("not an Avro single-object encoded"), e.getMessage());
        }
    }

    @Test
    void anEnumIndexOutsideTheSchemaIsRejectedNamingTheField() {
        Measurement m = new Measurement("a", "p", 1, "", Quality.GOOD, Classification.TELEMETRY,
                new Timestamps(null, Instant.ofEpochMilli(0)), null);
        byte[] bytes = MeasurementAvro.encode(m);
        // header 10, "a" 2, "p" 2, value 8, "" 1: the quality index is byte 23
        bytes[23] = 8; // zig-zag 4: no fifth quality
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeasurementAvro.decode(bytes));
        assertEquals(true, e.getMessage().contains("quality: enum index 4"), e.getMessage());
    }

    private static String word(java.util.Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            b.append((char) (random.nextInt(5) == 0 ? 0x400 + random.nextInt(200) : 'a' + random.nextInt(26)));
        }
        return b.toString();
    }

    static Schema schemaFile(int version) throws IOException {
        try (InputStream in = MeasurementCodecTest.class.getResourceAsStream(MeasurementCodec.schemaResource(version))) {
            return new Schema.Parser().parse(in);
        }
    }
}
