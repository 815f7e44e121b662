package io.arcnode.config.internal;

import io.arcnode.config.api.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsEnvTest {

    private static final String VALUE = "s3cr3t-V4lue";

    @Test
    void parsesCommentsBlanksQuotesAndExport() {
        SecretsEnv s = SecretsEnv.parse(""
                + "# comment\n"
                + "\n"
                + "AWS_ACCESS_KEY_ID=AKIAEXAMPLE\n"
                + "  AWS_SECRET_ACCESS_KEY = \"with spaces # and hash\"  \n"
                + "export PLATFORM_DB_PASSWORD='single'\r\n"
                + "SMTP_PASSWORD=\n", "secrets.env");
        assertEquals("AKIAEXAMPLE", s.get("AWS_ACCESS_KEY_ID").orElseThrow());
        assertEquals("with spaces # and hash", s.get("AWS_SECRET_ACCESS_KEY").orElseThrow());
        assertEquals("single", s.get("PLATFORM_DB_PASSWORD").orElseThrow());
        assertTrue(s.get("SMTP_PASSWORD").isEmpty(), "empty value = not set");
        assertEquals(Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "PLATFORM_DB_PASSWORD"), s.names());
    }

    @Test
    void valueMayContainEquals() {
        SecretsEnv s = SecretsEnv.parse("PLATFORM_DB_PASSWORD=a=b=c\n", "secrets.env");
        assertEquals("a=b=c", s.get("PLATFORM_DB_PASSWORD").orElseThrow());
    }

    @Test
    void unknownNameNamesFileAndLineButNotTheValue() {
        ConfigException e = assertThrows(ConfigException.class, () -> SecretsEnv.parse(
                "# c\nAWS_ACCESS_KEY_ID=x\nDB_PASSWORD=" + VALUE + "\n", "/etc/arcnode/secrets.env"));
        assertEquals("/etc/arcnode/secrets.env", e.file());
        assertEquals("line 3", e.keyPath());
        assertTrue(e.getMessage().startsWith("/etc/arcnode/secrets.env: line 3: unknown secret name DB_PASSWORD"),
                e.getMessage());
        assertFalse(e.getMessage().contains(VALUE));
        assertFalse(String.valueOf(e).contains(VALUE));
    }

    @Test
    void noErrorMessageEverContainsTheValue() {
        String[] bad = {
                VALUE + "\n",                                  // no '='
                "not a name=" + VALUE + "\n",                  // invalid name
                "SMTP_PASSWORD=\"" + VALUE + "\n",             // unterminated quote
                "SMTP_PASSWORD=" + VALUE + "\nSMTP_PASSWORD=" + VALUE + "x\n", // duplicate
                "X" + VALUE + "=1\n",                          // value-like, invalid name: not echoed
        };
        for (String text : bad) {
            ConfigException e = assertThrows(ConfigException.class, () -> SecretsEnv.parse(text, "secrets.env"));
            assertTrue(e.getMessage().startsWith("secrets.env: line "), e.getMessage());
            assertFalse(e.getMessage().contains(VALUE), e.getMessage());
            assertFalse(e.getMessage().contains("=1"), e.getMessage());
        }
    }

    @Test
    void duplicateReportsBothLines() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> SecretsEnv.parse("SMTP_PASSWORD=a\n\nSMTP_PASSWORD=b\n", "secrets.env"));
        assertEquals("secrets.env: line 3: duplicate secret name SMTP_PASSWORD (first set at line 1)", e.getMessage());
    }

    @Test
    void toStringShowsNamesOnly() {
        SecretsEnv s = SecretsEnv.parse("SMTP_PASSWORD=" + VALUE + "\n", "secrets.env");
        assertFalse(s.toString().contains(VALUE), s.toString());
        assertTrue(s.toString().contains("SMTP_PASSWORD"), s.toString());
    }

    @Test
    void unknownNameLookupIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SecretsEnv.empty().get("AWS_REGION"));
    }

    @Test
    void missingFileMeansNoSecrets(@TempDir Path dir) {
        SecretsEnv s = SecretsEnv.read(dir.resolve("secrets.env"), "secrets.env");
        assertTrue(s.names().isEmpty());
        assertTrue(s.get("AWS_ACCESS_KEY_ID").isEmpty());
    }

    @Test
    void readsFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("secrets.env");
        Files.writeString(f, "AWS_SECRET_ACCESS_KEY=" + VALUE + "\n");
        assertEquals(VALUE, SecretsEnv.read(f, f.toString()).get("AWS_SECRET_ACCESS_KEY").orElseThrow());
    }
}
