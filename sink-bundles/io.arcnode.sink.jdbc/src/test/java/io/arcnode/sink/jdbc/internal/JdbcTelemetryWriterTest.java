package io.arcnode.sink.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.sink.api.SinkException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which database failures are poison (permanent) and which are worth a retry. */
class JdbcTelemetryWriterTest {

    @Test
    void dataAndIntegrityErrorsArePermanent() {
        assertTrue(JdbcTelemetryWriter.classify(new SQLException("value too long", "22001")).permanent());
        assertTrue(JdbcTelemetryWriter.classify(new SQLException("not null", "23502")).permanent());
    }

    @Test
    void connectionShutdownAndUnknownAreRetryable() {
        assertFalse(JdbcTelemetryWriter.classify(new SQLException("refused", "08001")).permanent());
        assertFalse(JdbcTelemetryWriter.classify(new SQLException("admin shutdown", "57P01")).permanent());
        assertFalse(JdbcTelemetryWriter.classify(new SQLException("relation does not exist", "42P01")).permanent());
        assertFalse(JdbcTelemetryWriter.classify(new SQLException("no state")).permanent());
    }

    @Test
    void aBatchFailureIsJudgedByTheRowsError() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 3 failed", "22001", new int[0]);
        batch.setNextException(new SQLException("value too long for type character varying(256)", "22001"));
        SinkException e = JdbcTelemetryWriter.classify(batch);
        assertTrue(e.permanent());
        assertEquals("SQLSTATE 22001: value too long for type character varying(256)", e.getMessage());
        BatchUpdateException io = new BatchUpdateException("batch failed", null, new int[0]);
        io.setNextException(new SQLException("I/O error", "08006"));
        assertEquals("08006", JdbcTelemetryWriter.sqlState(io));
        assertNull(JdbcTelemetryWriter.sqlState(new SQLException("none")));
    }
}
