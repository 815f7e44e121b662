package io.arcnode.config.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigCheckTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return ConfigCheck.run(args, env, k -> null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void okPrintsStageAndSectionsButNoSecretValues(@TempDir Path dir) throws IOException {
        Path s = dir.resolve("secrets.env");
        Files.writeString(s, "SMTP_PASSWORD=pa55word\n");
        int rc = run(Map.of("ARCNODE_CFG_DEFAULTS", "../../runtime-headless/cfg.defaults.yml", "ENV", "beta",
                "ARCNODE_SECRETS", s.toString()), "--check-config");
        String o = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        assertTrue(o.startsWith("stage: beta"), o);
        assertTrue(o.contains("io.arcnode.http:\n  port = 8080"), o);
        assertTrue(o.contains("SMTP_PASSWORD"), o);
        assertFalse(o.contains("pa55word"), o);
    }

    @Test
    void errorExits78WithTheOneMessage(@TempDir Path dir) {
        int rc = run(Map.of("ARCNODE_CFG_DEFAULTS", "../../runtime-headless/cfg.defaults.yml"), "--stage", "prod");
        assertEquals(78, rc);
        assertEquals("ArcNode: configuration error: command line: --stage: must be one of local, demo, beta (got \"prod\")",
                err.toString(StandardCharsets.UTF_8).strip());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usageError() {
        assertEquals(64, run(Map.of(), "--bogus"));
    }
}
