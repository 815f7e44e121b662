package io.arcnode.sink.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * TimescaleDB when the server has it: the extension is created if it is available and not yet installed, then
 * the table becomes a hypertable on {@code device_time} ({@code if_not_exists}, {@code migrate_data}: also for a
 * plain table that already holds rows). Without the extension, or when it cannot be created (no rights, library
 * not preloaded), the table stays a plain PostgreSQL table; the outcome is reported, not an error.
 */
final class Timescale {

    private Timescale() {
    }

    /** What became of the table. */
    enum Outcome {
        HYPERTABLE("TimescaleDB hypertable"),
        NOT_AVAILABLE("plain table: the server has no timescaledb extension"),
        NOT_CREATED("plain table: the timescaledb extension could not be created");

        final String detail;

        Outcome(String detail) {
            this.detail = detail;
        }
    }

    /** @return whether the server offers the extension ({@code pg_available_extensions}) */
    static boolean available(Connection c) throws SQLException {
        return exists(c, "SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'");
    }

    /** @return whether the extension is installed in this database ({@code pg_extension}) */
    static boolean installed(Connection c) throws SQLException {
        return exists(c, "SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'");
    }

    static Outcome apply(Connection c, String table) throws SQLException {
        if (!installed(c)) {
            if (!available(c)) {
                return Outcome.NOT_AVAILABLE;
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                return Outcome.NOT_CREATED;
            }
        }
        try (PreparedStatement p = c.prepareStatement("SELECT create_hypertable(CAST(? AS regclass), 'device_time',"
                + " if_not_exists => TRUE, migrate_data => TRUE)")) {
            p.setString(1, table);
            p.execute();
            c.commit();
        }
        return Outcome.HYPERTABLE;
    }

    private static boolean exists(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            boolean found = rs.next();
            c.commit();
            return found;
        }
    }
}
