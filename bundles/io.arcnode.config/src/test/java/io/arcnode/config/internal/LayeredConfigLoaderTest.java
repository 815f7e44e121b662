package io.arcnode.config.internal;

import io.arcnode.config.api.ArcnodeConfig;
import io.arcnode.config.api.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayeredConfigLoaderTest {

    @TempDir
    Path dir;

    private final LayeredConfigLoader loader = new LayeredConfigLoader();

    /** A complete, valid stage block; {@code id} makes the stages distinguishable. */
    static String block(String stage, String id, int port) {
        return stage + ":\n"
                + "  gateway:\n"
                + "    gateway_id: " + id + "\n"
                + "    data_dir: data\n"
                + "    simulate: false\n"
                + "  http:\n"
                + "    port: " + port + "\n"
                + "    host: 0.0.0.0\n"
                + "  stream:\n"
                + "    bootstrap_servers: localhost:9092\n"
                + "    embedded: true\n"
                + "    partitions: 12\n"
                + "    replication_factor: 1\n"
                + "    linger_ms: 5\n"
                + "    batch_size: 65536\n"
                + "    buffer_records: 100000\n"
                + "  artifact_store:\n"
                + "    bucket: arcnode-artifacts\n"
                + "    local_path: data/artifacts\n"
                + "    s3_endpoint_url: null\n"
                + "  platform_db:\n"
                + "    jdbc_url: jdbc:h2:mem:x\n"
                + "    user: arcnode\n"
                + "  email:\n"
                + "    mode: outbox\n"
                + "    outbox_dir: data/outbox\n"
                + "    from: noreply@example.com\n"
                + "  logging:\n"
                + "    level: INFO\n"
                + "  sink_jdbc:\n"
                + "    enabled: false\n"
                + "    table: telemetry\n"
                + "    batch_size: 500\n"
                + "    topics: telemetry.clean\n"
                + "  sink_s3:\n"
                + "    {enabled: false, topics: telemetry.clean, bucket: arcnode-telemetry, prefix: arcnode,"
                + " endpoint_url: null, region: null, path_style: true, batch_size: 500, chunk_records: 5000}\n"
                + "  sink_alertrouter:\n"
                + "    {enabled: false, routes_file: null, batch_size: 100}\n"
                + "  sink_kafka:\n"
                + "    enabled: false\n"
                + "    topics: telemetry.clean\n"
                + "    batch_size: 500\n"
                + "    timeout_ms: 30000\n"
                + "  sink_http:\n"
                + "    enabled: false\n"
                + "    topics: telemetry.clean\n"
                + "    auth: none\n"
                + "    timeout_ms: 10000\n"
                + "    batch_size: 500\n";
    }

    static String allStages() {
        return block("local", "gw-local", 8081) + block("demo", "gw-demo", 8082) + block("beta", "gw-beta", 8083);
    }

    Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    ConfigException fail(Path defaults, String stage, Path customer) {
        return assertThrows(ConfigException.class, () -> loader.load(defaults, stage, customer, null));
    }

    // ------------------------------------------------------------------ stage selection

    @ParameterizedTest
    @ValueSource(strings = {"local", "demo", "beta"})
    void selectsTheStageBlock(String stage) throws IOException {
        Path d = write("cfg.defaults.yml", allStages());
        ArcnodeConfig c = loader.load(d, stage, null, null);
        assertEquals(stage, c.stage());
        assertEquals("gw-" + stage, c.section("gateway").get("gateway_id"));
        int expectedPort = Map.of("local", 8081, "demo", 8082, "beta", 8083).get(stage);
        assertEquals(expectedPort, c.section("http").get("port"));
        assertEquals(Integer.class, c.section("http").get("port").getClass());
        assertEquals(Boolean.TRUE, c.section("stream").get("embedded"));
        assertFalse(c.section("artifact_store").containsKey("s3_endpoint_url"), "null values are omitted");
        assertEquals(List.of("gateway", "http", "stream", "artifact_store", "platform_db", "email", "logging",
                "sink_jdbc", "sink_s3", "sink_alertrouter", "sink_kafka", "sink_http"),
                List.copyOf(c.sections().keySet()));
    }

    @Test
    void envUnsetMeansLocal() throws IOException {
        Path d = write("cfg.defaults.yml", allStages());
        LayeredConfigLoader.Sources s = LayeredConfigLoader.resolve(
                Map.of("ARCNODE_CFG_DEFAULTS", d.toString()), k -> null);
        assertEquals("local", s.stage());
        assertNull(s.customer());
        assertNull(s.secrets());
        ArcnodeConfig c = loader.load(s);
        assertEquals("local", c.stage());
        assertEquals("gw-local", c.section("gateway").get("gateway_id"));
        assertEquals("local", loader.load(d, null, null, null).stage());
    }

    @Test
    void resolvePrefersPropertiesOverEnvironment() {
        Map<String, String> env = Map.of("ENV", "demo", "ARCNODE_CFG_DEFAULTS", "/env/cfg.yml",
                "ARCNODE_SECRETS", "/env/secrets.env", "CFG_CUSTOMER_PATH", "/c/cfg.customer.yml");
        Map<String, String> props = Map.of("arcnode.env", "beta", "arcnode.cfg.defaults", "/prop/cfg.yml");
        LayeredConfigLoader.Sources s = LayeredConfigLoader.resolve(env, props::get);
        assertEquals("beta", s.stage());
        assertEquals("arcnode.env", s.stageKey());
        assertEquals(Path.of("/prop/cfg.yml"), s.defaults());
        assertEquals(Path.of("/env/secrets.env"), s.secrets());
        assertEquals(Path.of("/c/cfg.customer.yml"), s.customer());
        LayeredConfigLoader.Sources fromEnv = LayeredConfigLoader.resolve(env, k -> null);
        assertEquals("demo", fromEnv.stage());
        assertEquals("ENV", fromEnv.stageKey());
    }

    @Test
    void unknownStageIsAnError() throws IOException {
        Path d = write("cfg.defaults.yml", allStages());
        LayeredConfigLoader.Sources s = LayeredConfigLoader.resolve(
                Map.of("ARCNODE_CFG_DEFAULTS", d.toString(), "ENV", "prod"), k -> null);
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(s));
        assertEquals("environment: ENV: must be one of local, demo, beta (got \"prod\")", e.getMessage());
        assertEquals("ENV", e.keyPath());
    }

    @Test
    void missingDefaultsLocationIsAnError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.load(LayeredConfigLoader.resolve(Map.of(), k -> null)));
        assertTrue(e.getMessage().contains("ARCNODE_CFG_DEFAULTS"), e.getMessage());
    }

    @Test
    void unknownTopLevelKeyIsAnError() throws IOException {
        Path d = write("cfg.defaults.yml", allStages() + block("prod", "x", 1));
        ConfigException e = fail(d, "local", null);
        assertTrue(e.getMessage().startsWith(d + ": prod: unknown stage block"), e.getMessage());
    }

    @Test
    void missingStageBlockIsAnError() throws IOException {
        Path d = write("cfg.defaults.yml", block("local", "a", 1) + block("demo", "b", 2));
        ConfigException e = fail(d, "local", null);
        assertEquals(d + ": beta: required stage block is missing", e.getMessage());
    }

    // ------------------------------------------------------------------ customer file

    @Test
    void customerFileIsDeepMergedAndWins() throws IOException {
        Path d = write("cfg.defaults.yml", allStages());
        Path c = write("cfg.customer.yml", ""
                + "gateway:\n"
                + "  gateway_id: customer-42\n"
                + "http:\n"
                + "  port: 9000\n"
                + "artifact_store:\n"
                + "  s3_endpoint_url: http://minio:9000\n"
                + "  local_path: null\n");
        ArcnodeConfig cfg = loader.load(d, "beta", c, null);
        assertEquals("customer-42", cfg.section("gateway").get("gateway_id"));
        assertEquals("data", cfg.section("gateway").get("data_dir"), "sibling keys survive the merge");
        assertEquals(9000, cfg.section("http").get("port"));
        assertEquals("0.0.0.0", cfg.section("http").get("host"));
        assertEquals("http://minio:9000", cfg.section("artifact_store").get("s3_endpoint_url"));
        assertFalse(cfg.section("artifact_store").containsKey("local_path"), "null from customer replaces");
        assertEquals(12, cfg.section("stream").get("partitions"), "untouched sections stay");
    }

    @Test
    void deepMergeMergesMapsAndReplacesListsAndScalars() {
        Map<String, Object> base = new HashMap<>();
        base.put("a", Map.of("x", 1, "y", Map.of("p", 1, "q", 2)));
        base.put("list", List.of(1, 2, 3));
        base.put("s", "base");
        Map<String, Object> over = new HashMap<>();
        over.put("a", Map.of("y", Map.of("q", 20, "r", 30)));
        over.put("list", List.of(9));
        over.put("s", "over");
        Map<String, Object> m = LayeredConfigLoader.deepMerge(base, over);
        assertEquals(Map.of("x", 1, "y", Map.of("p", 1, "q", 20, "r", 30)), m.get("a"));
        assertEquals(List.of(9), m.get("list"));
        assertEquals("over", m.get("s"));
    }

    @Test
    void customerPathSetButMissingIsAnError() throws IOException {
        Path d = write("cfg.defaults.yml", allStages());
        Path missing = dir.resolve("nope.yml");
        ConfigException e = fail(d, "local", missing);
        assertEquals(missing.toString(), e.file());
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
        assertTrue(e.getMessage().contains("CFG_CUSTOMER_PATH"), e.getMessage());
    }

    @Test
    void emptyCustomerFileChangesNothing() throws IOException {
        Path d = write("cfg.defaults.yml", allStages());
        Path c = write("cfg.customer.yml", "# nothing\n");
        assertEquals(8082, loader.load(d, "demo", c, null).section("http").get("port"));
    }

    @Test
    void errorsInCustomerValuesNameTheCustomerFile() throws IOException {
        Path d = write("cfg.defaults.yml", allStages());
        Path c = write("cfg.customer.yml", "http:\n  port: eighty\n");
        ConfigException e = fail(d, "demo", c);
        assertEquals(c + ": http.port: must be an integer between 1 and 65535 (got \"eighty\")", e.getMessage());
        assertEquals(c.toString(), e.file());
        assertEquals("http.port", e.keyPath());
    }

    @Test
    void unknownKeyInCustomerFileNamesTheCustomerFile() throws IOException {
        Path d = write("cfg.defaults.yml", allStages());
        Path c = write("cfg.customer.yml", "stream:\n  partitons: 3\n");
        ConfigException e = fail(d, "beta", c);
        assertTrue(e.getMessage().startsWith(c + ": stream.partitons: unknown key (allowed: bootstrap_servers"),
                e.getMessage());
    }

    @Test
    void customerFileWithStageBlockIsRejected() throws IOException {
        Path d = write("cfg.defaults.yml", allStages());
        Path c = write("cfg.customer.yml", "beta:\n  http:\n    port: 1\n");
        ConfigException e = fail(d, "beta", c);
        assertTrue(e.getMessage().startsWith(c + ": beta: unknown section"), e.getMessage());
    }

    // ------------------------------------------------------------------ errors in cfg.defaults.yml

    @Test
    void badYamlNamesFileLineAndColumn() throws IOException {
        Path d = write("cfg.defaults.yml", "local:\n  http:\n    port: 80: 80\n");
        ConfigException e = fail(d, "local", null);
        assertTrue(e.getMessage().startsWith(d + ": invalid YAML at line 3, column "), e.getMessage());
        assertTrue(e.getMessage().contains("mapping values are not allowed"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void badYamlInCustomerFileNamesCustomerFile() throws IOException {
        Path d = write("cfg.defaults.yml", allStages());
        Path c = write("cfg.customer.yml", "http:\n  port: [1\n");
        ConfigException e = fail(d, "local", c);
        assertTrue(e.getMessage().startsWith(c + ": invalid YAML at line "), e.getMessage());
    }

    @Test
    void duplicateKeyIsAnError() throws IOException {
        Path d = write("cfg.defaults.yml", allStages() + block("local", "again", 1));
        ConfigException e = fail(d, "local", null);
        assertTrue(e.getMessage().contains("duplicate key 'local'"), e.getMessage());
        assertTrue(e.getMessage().contains("at line 148, column "), e.getMessage()); // where the second "local:" starts
    }

    @Test
    void emptyDefaultsFileIsAnError() throws IOException {
        Path d = write("cfg.defaults.yml", "# only a comment\n");
        ConfigException e = fail(d, "local", null);
        assertTrue(e.getMessage().startsWith(d + ": file is empty"), e.getMessage());
    }

    @Test
    void wrongTypeNamesFileKeyPathAndRule() throws IOException {
        Path d = write("cfg.defaults.yml", allStages().replace("port: 8082", "port: eighty"));
        ConfigException e = fail(d, "demo", null);
        assertEquals(d + ": demo.http.port: must be an integer between 1 and 65535 (got \"eighty\")", e.getMessage());
        assertEquals(d.toString(), e.file());
        assertEquals("demo.http.port", e.keyPath());
        assertEquals("must be an integer between 1 and 65535 (got \"eighty\")", e.rule());
    }

    @Test
    void quotedNumberAndBooleanStringsAreWrongTypes() throws IOException {
        Path d = write("cfg.defaults.yml", allStages().replace("port: 8081", "port: \"8081\""));
        assertEquals(d + ": local.http.port: must be an integer between 1 and 65535 (got \"8081\")",
                fail(d, "local", null).getMessage());
        Path d2 = write("cfg2.yml", allStages().replace("embedded: true", "embedded: \"true\""));
        assertEquals(d2 + ": local.stream.embedded: must be true or false (got \"true\")",
                fail(d2, "local", null).getMessage());
        Path d3 = write("cfg3.yml", allStages().replace("gateway_id: gw-local", "gateway_id: 12"));
        assertEquals(d3 + ": local.gateway.gateway_id: must be a non-empty string (got 12)",
                fail(d3, "local", null).getMessage());
    }

    @Test
    void enumAndEmailRules() throws IOException {
        Path d = write("cfg.defaults.yml", allStages().replace("level: INFO", "level: VERBOSE"));
        assertEquals(d + ": local.logging.level: must be one of TRACE, DEBUG, INFO, WARN, ERROR (got \"VERBOSE\")",
                fail(d, "local", null).getMessage());
        Path d2 = write("cfg2.yml", allStages().replace("from: noreply@example.com", "from: nobody"));
        assertTrue(fail(d2, "beta", null).getMessage()
                .startsWith(d2 + ": beta.email.from: must be an e-mail address"));
    }

    @Test
    void unknownKeyIsAnError() throws IOException {
        Path d = write("cfg.defaults.yml", allStages().replace("    host: 0.0.0.0\n", "    host: 0.0.0.0\n    hots: x\n"));
        ConfigException e = fail(d, "local", null);
        assertEquals(d + ": local.http.hots: unknown key (allowed: port, host)", e.getMessage());
    }

    @Test
    void unknownSectionIsAnError() throws IOException {
        Path d = write("cfg.defaults.yml", allStages().replace("local:\n", "local:\n  mqtt:\n    port: 1\n"));
        ConfigException e = fail(d, "local", null);
        assertTrue(e.getMessage().startsWith(d + ": local.mqtt: unknown section (allowed: gateway, http,"),
                e.getMessage());
    }

    @Test
    void missingRequiredKeyIsAnError() throws IOException {
        Path d = write("cfg.defaults.yml", allStages().replace("    jdbc_url: jdbc:h2:mem:x\n", ""));
        ConfigException e = fail(d, "beta", null);
        assertEquals(d + ": beta.platform_db.jdbc_url: required key is missing (must be a non-empty string)",
                e.getMessage());
    }

    @Test
    void missingNullableRequiredKeyIsAnError() throws IOException {
        Path d = write("cfg.defaults.yml", allStages().replace("    s3_endpoint_url: null\n", ""));
        ConfigException e = fail(d, "demo", null);
        assertEquals(d + ": demo.artifact_store.s3_endpoint_url: required key is missing "
                + "(must be a non-empty string or null)", e.getMessage());
    }

    @Test
    void nullForNonNullableKeyIsAnError() throws IOException {
        Path d = write("cfg.defaults.yml", allStages().replace("user: arcnode", "user: null"));
        assertEquals(d + ": local.platform_db.user: must be a non-empty string (got null)",
                fail(d, "local", null).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1", "99999999999999999999"})
    void outOfRangeIsAnError(String port) throws IOException {
        Path d = write("cfg.defaults.yml", allStages().replace("port: 8081", "port: " + port));
        assertEquals(d + ": local.http.port: must be an integer between 1 and 65535 (got " + port + ")",
                fail(d, "local", null).getMessage());
    }

    @Test
    void minimumOnlyRangeIsAnError() throws IOException {
        Path d = write("cfg.defaults.yml", allStages().replace("partitions: 12", "partitions: 0"));
        assertEquals(d + ": local.stream.partitions: must be an integer >= 1 (got 0)",
                fail(d, "local", null).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "60001", "5.0", "\"5\""})
    void lingerOutOfRangeOrNotAnIntegerIsAnError(String linger) throws IOException {
        Path d = write("cfg.defaults.yml", allStages().replace("linger_ms: 5", "linger_ms: " + linger));
        assertEquals(d + ": local.stream.linger_ms: must be an integer between 0 and 60000 (got " + linger + ")",
                fail(d, "local", null).getMessage());
    }

    @Test
    void batchSizeOfZeroIsAnError() throws IOException {
        Path d = write("cfg.defaults.yml", allStages().replace("batch_size: 65536", "batch_size: 0"));
        assertEquals(d + ": local.stream.batch_size: must be an integer between 1 and 16777216 (got 0)",
                fail(d, "local", null).getMessage());
    }

    @Test
    void sectionThatIsNotAMappingIsAnError() throws IOException {
        Path d = write("cfg.defaults.yml", allStages());
        Path c = write("cfg.customer.yml", "http: 8080\n");
        assertEquals(c + ": http: must be a mapping of keys (got 8080)", fail(d, "local", c).getMessage());
    }

    @Test
    void smtpModeRequiresHostAndPort() throws IOException {
        Path d = write("cfg.defaults.yml", allStages());
        Path c = write("cfg.customer.yml", "email:\n  mode: smtp\n");
        ConfigException e = fail(d, "beta", c);
        assertEquals(c + ": email.smtp_host: is required when mode is smtp", e.getMessage());
        Path ok = write("ok.yml", "email:\n  mode: smtp\n  smtp_host: mail\n  smtp_port: 25\n");
        assertEquals("smtp", loader.load(d, "beta", ok, null).section("email").get("mode"));
    }

    // ------------------------------------------------------------------ secrets through the loader

    @Test
    void secretsAreLoadedButNeverShown() throws IOException {
        Path d = write("cfg.defaults.yml", allStages());
        Path s = write("secrets.env", "PLATFORM_DB_PASSWORD=\"hunter2-secret\"\n");
        ArcnodeConfig c = loader.load(d, "local", null, s);
        assertEquals("hunter2-secret", c.secret("PLATFORM_DB_PASSWORD").orElseThrow());
        assertTrue(c.secret("SMTP_PASSWORD").isEmpty());
        assertFalse(c.toString().contains("hunter2"), c.toString());
        assertTrue(c.toString().contains("PLATFORM_DB_PASSWORD"), c.toString());
        assertThrows(IllegalArgumentException.class, () -> c.secret("NOPE"));
    }

    @Test
    void missingSecretsFileMeansNoSecrets() throws IOException {
        Path d = write("cfg.defaults.yml", allStages());
        ArcnodeConfig c = loader.load(d, "local", null, dir.resolve("secrets.env"));
        for (String n : SecretsEnv.KNOWN_NAMES) {
            assertTrue(c.secret(n).isEmpty(), n);
        }
    }

    @Test
    void resultIsImmutable() throws IOException {
        Path d = write("cfg.defaults.yml", allStages());
        ArcnodeConfig c = loader.load(d, "local", null, null);
        assertThrows(UnsupportedOperationException.class, () -> c.sections().remove("http"));
        assertThrows(UnsupportedOperationException.class, () -> c.section("http").put("port", 1));
        assertThrows(IllegalArgumentException.class, () -> c.section("nope"));
    }

    // ------------------------------------------------------------------ the shipped file

    @ParameterizedTest
    @ValueSource(strings = {"local", "demo", "beta"})
    void shippedDefaultsValidateForEveryStage(String stage) {
        Path shipped = Path.of("../../runtime-headless/cfg.defaults.yml");
        assertTrue(Files.isRegularFile(shipped), "run with the bundle folder as working directory");
        ArcnodeConfig c = loader.load(shipped, stage, null, null);
        assertEquals(stage, c.stage());
        assertEquals("arcnode-artifacts", c.section("artifact_store").get("bucket"));
        assertEquals(8080, c.section("http").get("port"));
        assertEquals(stage.equals("local"), c.section("artifact_store").containsKey("s3_endpoint_url"));
        assertEquals(stage.equals("beta") ? "smtp" : "outbox", c.section("email").get("mode"));
        assertEquals(stage.equals("local") ? "DEBUG" : "INFO", c.section("logging").get("level"));
    }

    @Test
    void shippedTemplateListsExactlyTheKnownNamesWithoutValues() throws IOException {
        Path template = Path.of("../../runtime-headless/template-secrets.env");
        SecretsEnv parsed = SecretsEnv.read(template, "template-secrets.env");
        assertTrue(parsed.names().isEmpty(), "template must not carry values");
        List<String> names = Files.readAllLines(template).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.substring(0, l.indexOf('=')))
                .toList();
        assertEquals(SecretsEnv.KNOWN_NAMES, names);
    }
}
