package io.arcnode.sink.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Where the sink writes: URL, credentials, table. Connects through the driver classes directly (no
 * {@code DriverManager}, which does not see other bundles' drivers in OSGi).
 *
 * @param password {@code null} when none
 */
record JdbcTarget(String url, String user, String password, String table) {

    /** Connect and login timeout (s): an unreachable server is a quick, retryable failure. */
    static final int CONNECT_TIMEOUT_S = 10;
    /** Socket read timeout (s): a write hanging on a dead connection fails instead of blocking the sink. */
    static final int SOCKET_TIMEOUT_S = 60;

    JdbcTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(table, "table");
    }

    Dialect dialect() {
        return Dialect.of(url);
    }

    /** @return a new connection, auto-commit off */
    Connection connect() throws SQLException {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        Connection c;
        if (dialect() == Dialect.POSTGRESQL) {
            p.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_S));
            p.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_S));
            p.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_S));
            p.setProperty("reWriteBatchedInserts", "true"); // one multi-row INSERT per batch chunk
            p.setProperty("ApplicationName", "arcnode-sink-jdbc");
            c = new org.postgresql.Driver().connect(url, p);
        } else {
            c = new org.h2.Driver().connect(url, p);
        }
        if (c == null) {
            throw new SQLException("the driver does not accept the URL", "08001");
        }
        c.setAutoCommit(false);
        return c;
    }

    /** No password in the string: it goes to logs and health. */
    @Override
    public String toString() {
        return url + " table " + table;
    }
}
