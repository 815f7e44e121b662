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

    static Schema schemaFile(int version) throws IOException {
        try (InputStream in = MeasurementCodecTest.class.getResourceAsStream(MeasurementCodec.schemaResource(version))) {
            return new Schema.Parser().parse(in);
        }
    }
}
