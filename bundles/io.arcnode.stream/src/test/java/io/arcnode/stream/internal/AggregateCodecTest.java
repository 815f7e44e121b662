package io.arcnode.stream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import io.arcnode.stream.api.Aggregate;
import io.arcnode.stream.api.AggregateAvro;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.junit.jupiter.api.Test;

class AggregateCodecTest {

    private static final Instant T0 = Instant.parse("2026-01-29T10:00:00Z");

    static Aggregate sample() {
        return new Aggregate("vibration_sensor_01", "vibration", "mm/s", "1min", T0, T0.plusSeconds(60), 3, 10.26,
                2.91, 4.15, 3.2, T0.plusMillis(5), 4.15, T0.plusMillis(59_990), 1, 1, 1);
    }

    @Test
    void roundTripsEveryField() {
        Aggregate a = sample();
        assertEquals(a, AggregateAvro.decode(AggregateAvro.encode(a)));
        assertEquals(3.42, a.avg(), 1e-12);
    }

    /** A reader without this bundle: the spec's fields under their spec names, from the schema file alone. */
    @Test
    void anyAvroReaderSeesTheSpecFields() throws Exception {
        byte[] bytes = AggregateAvro.encode(sample());
        assertEquals((byte) 0xC3, bytes[0]);
        assertEquals((byte) 0x01, bytes[1]);
        Schema file;
        try (InputStream in = getClass().getResourceAsStream("/avro/aggregate-v1.avsc")) {
            file = new Schema.Parser().parse(in);
        }
        GenericRecord r = new BinaryMessageDecoder<GenericRecord>(GenericData.get(), file).decode(bytes);
        assertEquals("vibration_sensor_01", r.get("asset_id").toString());
        assertEquals(T0.toEpochMilli(), r.get("window_start"));
        assertEquals(T0.plusSeconds(60).toEpochMilli(), r.get("window_end"));
        GenericRecord v = (GenericRecord) r.get("aggregates");
        assertEquals(3.42, (Double) v.get("avg"), 1e-12);
        assertEquals(2.91, v.get("min"));
        assertEquals(4.15, v.get("max"));
        assertEquals(3L, v.get("count"));
    }

    @Test
    void aMeasurementIsNotAnAggregate() {
        byte[] m = MeasurementCodec.encode(new Measurement("a", "p", 1, "", Quality.GOOD, Classification.TELEMETRY,
                new Timestamps(T0, T0), Map.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AggregateAvro.decode(m));
        assertTrue(e.getMessage().startsWith("not an Avro single-object encoded io.arcnode.telemetry.Aggregate"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AggregateAvro.decode(new ByteArrayOutputStream()
                .toByteArray()));
    }

    @Test
    void invariantsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Aggregate("a", "p", "", "1s", T0, T0, 1, 1, 1, 1, 1,
                T0, 1, T0, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Aggregate("a", "p", "", "1s", T0, T0.plusSeconds(1),
                0, 0, 0, 0, 0, T0, 0, T0, 0, 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Aggregate("a", "p", "",
                "1s", T0, T0.plusSeconds(1), 2, 1, 1, 1, 1, T0, 1, T0, 1, 0, 0));
        assertTrue(e.getMessage().startsWith("quality:"), e.getMessage());
    }
}
