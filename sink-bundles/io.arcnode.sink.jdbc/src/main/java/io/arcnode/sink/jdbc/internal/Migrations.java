package io.arcnode.sink.jdbc.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A small versioned schema migration: the scripts {@code migration/<dialect>/V<n>__<what>.sql} of this bundle,
 * listed in order in {@code index.txt}, with {@code ${table}} standing for the sink's table; the applied versions
 * are rows of {@code <table>_schema_version} (version, script, applied_at). Each script not yet applied runs in its
 * own transaction together with its version row (PostgreSQL DDL is transactional), so a second start applies
 * nothing and a crash mid-way applies the script again from the start. A database at a newer version than the
 * bundle's scripts is refused (an older bundle must not write to a schema it does not know).
 */
final class Migrations {

    private Migrations() {
    }

    /** A script of the bundle. */
    record Script(int version, String name, String sql) {}

    /** @return the number of scripts applied now (0 when the schema was current) */
    static int migrate(Connection c, Dialect dialect, String table) throws SQLException {
        String versions = table + "_schema_version";
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + versions + " (version INT PRIMARY KEY, script VARCHAR(200) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
            c.commit();
        }
        int current = current(c, versions);
        List<Script> scripts = scripts(dialect, table);
        int newest = scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).version();
        if (current > newest) {
            throw new SQLException(versions + " is at version " + current + ", newer than this bundle's " + newest,
                    "55000");
        }
        int applied = 0;
        for (Script script : scripts) {
            if (script.version() <= current) {
                continue;
            }
            try (Statement s = c.createStatement();
                    PreparedStatement v = c.prepareStatement("INSERT INTO " + versions + " (version, script) VALUES (?, ?)")) {
                for (String stmt : statements(script.sql())) {
                    s.execute(stmt);
                }
                v.setInt(1, script.version());
                v.setString(2, script.name());
                v.executeUpdate();
                c.commit();
                applied++;
            } catch (SQLException e) {
                c.rollback();
                throw new SQLException("migration " + script.name() + " of " + table + ": " + e.getMessage(),
                        e.getSQLState(), e);
            }
        }
        return applied;
    }

    /** @return the highest applied version, 0 for none */
    static int current(Connection c, String versions) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM " + versions)) {
            int v = rs.next() ? rs.getInt(1) : 0;
            c.commit();
            return v;
        }
    }

    /** @return the dialect's scripts in version order, {@code ${table}} replaced */
    static List<Script> scripts(Dialect dialect, String table) {
        List<Script> out = new ArrayList<>();
        for (String name : lines(read(dialect.migrations() + "index.txt"))) {
            if (!name.matches("V[1-9][0-9]*__[a-z0-9_]+\\.sql")) {
                throw new IllegalStateException("migration index: bad script name " + name);
            }
            int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
            if (version != out.size() + 1) {
                throw new IllegalStateException("migration index: " + name + " out of order");
            }
            out.add(new Script(version, name, read(dialect.migrations() + name).replace("${table}", table)));
        }
        return out;
    }

    /** @return the statements of a script: split at {@code ;} ending a line, {@code --} comment lines left out */
    static List<String> statements(String sql) {
        String body = sql.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"));
        List<String> out = new ArrayList<>();
        for (String part : body.split(";\\s*(\\n|$)")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + resource);
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return r.lines().collect(Collectors.joining("\n"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
