package io.arcnode.sink.jdbc.internal;

/** The databases the JDBC sink writes to, with their idempotent insert. */
enum Dialect {

    /** PostgreSQL (and TimescaleDB): {@code INSERT ... ON CONFLICT DO NOTHING}. */
    POSTGRESQL("postgresql") {
        @Override
        String insert(String table) {
            return "INSERT INTO " + table + " (asset_id, parameter, device_time, gateway_time, time_source, value, unit,"
                    + " quality, classification, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (asset_id, parameter, device_time) DO NOTHING";
        }
    },

    /** H2 2.x: standard {@code MERGE ... WHEN NOT MATCHED THEN INSERT} (a match is left as it is). */
    H2("h2") {
        @Override
        String insert(String table) {
            return "MERGE INTO " + table + " d USING (SELECT CAST(? AS VARCHAR(256)) a, CAST(? AS VARCHAR(256)) p,"
                    + " CAST(? AS TIMESTAMP WITH TIME ZONE) t) s"
                    + " ON (d.asset_id = s.a AND d.parameter = s.p AND d.device_time = s.t)"
                    + " WHEN NOT MATCHED THEN INSERT (asset_id, parameter, device_time, gateway_time, time_source,"
                    + " \"VALUE\", unit, quality, classification, metadata)"
                    + " VALUES (s.a, s.p, s.t, ?, ?, ?, ?, ?, ?, ?)";
        }
    };

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** @return the resource folder of this dialect's migration scripts */
    String migrations() {
        return "migration/" + folder + "/";
    }

    /**
     * @return the insert of one row that does nothing when the key (asset_id, parameter, device_time) exists;
     *         parameters in the order of {@link JdbcTelemetryWriter}
     */
    abstract String insert(String table);

    /**
     * @return the dialect of a JDBC URL
     * @throws IllegalArgumentException for any other database
     */
    static Dialect of(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalArgumentException("must be a jdbc:postgresql: or jdbc:h2: URL");
    }
}
