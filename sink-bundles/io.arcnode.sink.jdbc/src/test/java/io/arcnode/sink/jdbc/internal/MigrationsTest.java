package io.arcnode.sink.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundle's scripts as the runner reads them (the runner against real databases: sink.itest). */
class MigrationsTest {

    @Test
    void scriptsAreNumberedInOrderWithTheTableFilledIn() {
        for (Dialect d : Dialect.values()) {
            List<Migrations.Script> scripts = Migrations.scripts(d, "readings");
            assertEquals(List.of(1, 2), scripts.stream().map(Migrations.Script::version).toList(), d.name());
            assertTrue(scripts.get(0).sql().contains("CREATE TABLE readings ("), d.name());
            assertTrue(scripts.get(0).sql().contains("PRIMARY KEY (asset_id, parameter, device_time)"), d.name());
            assertFalse(scripts.stream().anyMatch(s -> s.sql().contains("${table}")), d.name());
        }
    }

    @Test
    void statementsAreSplitAtLineEndingSemicolonsWithoutComments() {
        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)"),
                Migrations.statements("-- a comment; not a statement\nCREATE TABLE a (x INT);\n\nCREATE INDEX i ON a (x);\n"));
    }
}
