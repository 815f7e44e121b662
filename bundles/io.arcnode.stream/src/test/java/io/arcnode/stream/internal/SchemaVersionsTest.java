package io.arcnode.stream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * Spec 004: schema compatibility BACKWARD. Every version {@code n+1} must read data written with version
 * {@code n}; a new version is a new file {@code avro/measurement-v<n+1>.avsc}, old files are never edited.
 */
class SchemaVersionsTest {

    @Test
    void everyVersionReadsThePreviousOne() {
        List<Schema> versions = MeasurementCodec.versions();
        assertTrue(versions.size() >= 1);
        for (int i = 1; i < versions.size(); i++) {
            SchemaCompatibility.SchemaPairCompatibility c =
                    SchemaCompatibility.checkReaderWriterCompatibility(versions.get(i), versions.get(i - 1));
            assertEquals(SchemaCompatibilityType.COMPATIBLE, c.getType(),
                    "measurement-v" + (i + 1) + " cannot read v" + i + ": " + c.getDescription());
        }
    }

    @Test
    void everyVersionIsTheSameRecord() {
        for (Schema s : MeasurementCodec.versions()) {
            assertEquals("io.arcnode.telemetry.Measurement", s.getFullName());
        }
    }

    /** The check above catches the usual mistake: a new field without a default. */
    @Test
    void aNewRequiredFieldWouldBeRejected() {
        Schema latest = MeasurementCodec.latest();
        String json = latest.toString().replaceFirst("\\{\"name\":\"parameter\"",
                "{\"name\":\"site\",\"type\":\"string\"},{\"name\":\"parameter\"");
        Schema broken = new Schema.Parser().parse(json);
        assertEquals(SchemaCompatibilityType.INCOMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(broken, latest).getType());
    }
}
