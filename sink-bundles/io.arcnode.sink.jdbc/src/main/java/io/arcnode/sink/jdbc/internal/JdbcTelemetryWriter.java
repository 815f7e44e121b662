package io.arcnode.sink.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.sink.api.SinkException;
import io.arcnode.sink.api.SinkWriter;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes measurements as rows, one JDBC batch and one transaction per sink batch, idempotent on
 * (asset_id, parameter, device_time) ({@link Dialect#insert}). A reading without device time is keyed by its
 * gateway time ({@code time_source = 'gateway'}; {@code 'device'} otherwise): it is still stored once, and a
 * replay of the same record finds the same key. The connection is opened on the first write (migrations and the
 * TimescaleDB step run then) and dropped after a retryable failure, so the next write connects again.
 *
 * <p>Failures: SQLSTATE classes 22 (data exception) and 23 (integrity constraint) are
 * {@linkplain SinkException#permanent permanent} (these records are refused as they are); everything else (08
 * connection, 57 server shutting down, 53 resources, 40 rollback, a table missing...) is retryable.
 */
final class JdbcTelemetryWriter implements SinkWriter<Measurement> {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTelemetryWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTarget target;
    private final Consumer<String> storage;
    private Connection connection;

    /** @param storage told what the table is after each (re)connect, e.g. "plain table: ..." */
    JdbcTelemetryWriter(JdbcTarget target, Consumer<String> storage) {
        this.target = target;
        this.storage = storage;
    }

    @Override
    public void write(List<Measurement> batch) throws SinkException {
        Connection c = null;
        try {
            c = connection();
            if (target.dialect() == Dialect.POSTGRESQL) {
                copy(c, batch);
            } else {
                try (PreparedStatement ps = c.prepareStatement(target.dialect().insert(target.table()))) {
                    for (Measurement m : batch) {
                        bind(ps, m);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            c.commit();
            if (target.dialect() == Dialect.H2) {
                // H2 writes a commit to its file only after its write delay: a gateway killed within it would lose
                // rows whose offsets the loop commits next. CHECKPOINT SYNC puts them on disk first.
                try (Statement s = c.createStatement()) {
                    s.execute("CHECKPOINT SYNC");
                }
            }
        } catch (SQLException e) {
            rollback(c);
            SinkException failure = classify(e);
            if (!failure.permanent()) {
                close();
            }
            throw failure;
        } catch (AssertionError e) {
            // pgjdbc asserts on a connection that died mid-batch (seen with -ea when the server stops): lost connection
            rollback(c);
            close();
            throw SinkException.retryable("connection lost during the batch: " + e.getMessage(), e);
        }
    }

    /**
     * PostgreSQL: the batch goes by binary COPY into a session-private staging table (temporary, so not in the WAL;
     * emptied at each commit), then one {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING} moves it into the table
     * in the same transaction: idempotent as the row-by-row insert, without parsing a statement per row.
     */
    private void copy(Connection c, List<Measurement> batch) throws SQLException {
        byte[] data = PgCopyRows.encode(batch);
        String stage = stagingTable();
        try {
            c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("COPY " + stage + " ("
                    + PgCopyRows.COLUMNS + ") FROM STDIN (FORMAT binary)", new java.io.ByteArrayInputStream(data));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY into " + stage + " failed: " + e.getMessage(), "08006", e);
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO " + target.table() + " (" + PgCopyRows.COLUMNS + ") SELECT "
                    + PgCopyRows.COLUMNS + " FROM " + stage
                    + " ON CONFLICT (asset_id, parameter, device_time) DO NOTHING");
        }
    }

    private String stagingTable() {
        return "arcnode_stage_" + target.table(); // the table is a checked identifier of at most 48 characters
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = target.connect();
            try {
                int applied = Migrations.migrate(c, target.dialect(), target.table());
                String kind = target.dialect() == Dialect.POSTGRESQL
                        ? "PostgreSQL, " + Timescale.apply(c, target.table()).detail
                        : "H2 table";
                storage.accept(kind);
                if (target.dialect() == Dialect.POSTGRESQL) {
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + stagingTable() + " (LIKE "
                                + target.table() + " INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
                    }
                    c.commit();
                }
                if (applied > 0) {
                    LOG.info("sink jdbc: {} migration(s) applied to {}; {}", applied, target, kind);
                }
            } catch (SQLException | RuntimeException e) {
                closeQuietly(c);
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    /**
     * @return the row's key time: the device time, else the gateway time
     * @throws SQLException SQLSTATE 22004 for a reading with neither
     */
    static Instant keyTime(Measurement m) throws SQLException {
        Instant device = m.timestamps() == null ? null : m.timestamps().deviceTime();
        Instant key = device != null ? device : m.timestamps() == null ? null : m.timestamps().gatewayTime();
        if (key == null) {
            throw new SQLException("reading of " + m.assetId() + "/" + m.parameter() + " has neither device nor"
                    + " gateway time", "22004");
        }
        return key;
    }

    static void bind(PreparedStatement ps, Measurement m) throws SQLException {
        Instant key = keyTime(m);
        Instant device = m.timestamps().deviceTime();
        Instant gateway = m.timestamps().gatewayTime();
        ps.setString(1, m.assetId());
        ps.setString(2, m.parameter());
        ps.setObject(3, OffsetDateTime.ofInstant(key, ZoneOffset.UTC));
        if (gateway == null) {
            ps.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(4, OffsetDateTime.ofInstant(gateway, ZoneOffset.UTC));
        }
        ps.setString(5, device != null ? "device" : "gateway");
        ps.setDouble(6, m.value());
        ps.setString(7, m.unit());
        ps.setString(8, m.quality() == null ? null : m.quality().name());
        ps.setString(9, m.classification() == null ? null : m.classification().name());
        ps.setString(10, metadataJson(m));
    }

    /** @return the metadata as a JSON object, null when there is none */
    static String metadataJson(Measurement m) throws SQLException {
        try {
            return m.metadata().isEmpty() ? null : JSON.writeValueAsString(m.metadata());
        } catch (JsonProcessingException e) {
            throw new SQLException("metadata not writable as JSON: " + e.getOriginalMessage(), "22000", e);
        }
    }

    /** @return the failure, permanent for SQLSTATE classes 22 and 23 */
    static SinkException classify(SQLException e) {
        String state = sqlState(e);
        String message = (state == null ? "" : "SQLSTATE " + state + ": ") + message(e);
        return state != null && (state.startsWith("22") || state.startsWith("23"))
                ? SinkException.permanent(message, e)
                : SinkException.retryable(message, e);
    }

    /** @return the first SQLSTATE in the chain (a batch failure carries the row's one as its next exception) */
    static String sqlState(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException n = s; n != null; n = n.getNextException()) {
                    if (n.getSQLState() != null && !(n instanceof BatchUpdateException && n.getNextException() != null)) {
                        return n.getSQLState();
                    }
                }
            }
        }
        return null;
    }

    private static String message(SQLException e) {
        SQLException next = e.getNextException();
        return next != null ? next.getMessage() : e.getMessage();
    }

    private static void rollback(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone: nothing was committed
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a broken connection
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
        }
    }
}
