package io.arcnode.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The platform product as the orchestrator and an engineer meet it: {@code POST /edp-api/jobs} answers 202 with every
 * artifact URL, the job completes, every artifact can be fetched over HTTP, bad payloads get a 422 naming field and
 * rule, traversal is refused, job records survive a restart, a broken hardware map stops startup, and the offline
 * CLI writes the same bytes as the platform.
 */
class EdpJobsE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);
    private static final String DEPLOYMENT = "5b0e7a3c-9d41-4f2a-8c6e-1a2b3c4d5e6f";

    static String payload(String context, String coupling, double mwh, String partition, int gpus) {
        return "{\"deployment_id\":\"" + DEPLOYMENT + "\",\"operator_org\":\"Northwind Power\","
                + "\"deployment_site_name\":\"Site Alpha\",\"contact_email\":\"ops@example.com\","
                + "\"energy_source\":\"solar\",\"source_capacity_mw\":25.0,\"primary_workload\":\"ai_training\","
                + "\"gpu_variant\":\"h100_sxm\",\"target_gpu_count\":" + gpus + ",\"bess_coupling\":\"" + coupling
                + "\",\"bess_capacity_mwh\":" + mwh + ",\"grid_connection\":\"grid_tied\","
                + "\"climate_zone\":\"temperate\",\"deployment_context\":\"" + context + "\",\"aws_partition\":\""
                + partition + "\"}";
    }

    static final String VALID = payload("commercial", "dc_external_pcs", 6.0, "standard", 600);

    private static HttpResponse<String> post(int port, String path, String body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> getBytes(int port, String rawPath) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Process startPlatform(Path data, Path log, int port, Map<String, String> env) throws Exception {
        Process p = Products.start("platform", data, log, env, "--env", "demo", "--port", String.valueOf(port));
        Products.await("platform /health/ready == 200", Products.START_TIMEOUT, log, p,
                () -> Products.statusOrZero(port, "/health/ready") == 200);
        // ready can answer before the lazily started EDP bundle has registered its servlets; its health
        // contributor is registered last, once the jobs API is served
        Products.await("edp_jobs in /health", Products.START_TIMEOUT, log, p, () -> {
            try {
                return Products.get(port, "/health").body().contains("\"component\":\"edp_jobs\"");
            } catch (Exception e) {
                return false;
            }
        });
        return p;
    }

    private static JsonNode awaitJob(int port, String statusUrl, Path log, Process p) throws Exception {
        Products.await("job " + statusUrl + " to finish", JOB_TIMEOUT, log, p, () -> {
            try {
                return !JSON.readTree(Products.get(port, statusUrl).body()).get("status").asText().equals("running");
            } catch (Exception e) {
                return false;
            }
        });
        return JSON.readTree(Products.get(port, statusUrl).body());
    }

    @Test
    void jobsApiArtifactsRestartAndCli(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("console.log");
        int port = Products.freePort();
        Process p = startPlatform(data, log, port, Map.of());
        String statusUrl;
        List<String> keys = new ArrayList<>();
        List<byte[]> served = new ArrayList<>();
        try {
            // the product root's hardware_selector_map.yaml (spec 002's top-level map) is the one in use
            Path rootMap = Products.productDir("platform").resolve("hardware_selector_map.yaml");
            assertEquals(Files.readString(Products.repo().resolve(
                    "edp-bundles/io.arcnode.edp.hardware/src/main/resources/map/hardware_selector_map.yaml")),
                    Files.readString(rootMap));
            assertTrue(Products.readQuietly(log).contains("hardware selector map " + rootMap + ": valid"),
                    Products.readQuietly(log));
            // the catalogue was seeded on first start (demo)
            assertEquals(200, getBytes(port, "/artifacts/assemblies/plates/plate_cl.step").statusCode());

            HttpResponse<String> created = post(port, "/edp-api/jobs", VALID);
            assertEquals(202, created.statusCode(), created.body());
            JsonNode body = JSON.readTree(created.body());
            UUID.fromString(body.get("job_id").asText());
            statusUrl = body.get("status_url").asText();
            assertEquals("/edp-api/jobs/" + body.get("job_id").asText(), statusUrl);
            JsonNode refs = body.get("edp_artifact_urls");
            assertEquals(29, refs.size(), "dc_ext with grid container: plates CL NW CG BT: " + refs);
            for (JsonNode ref : refs) {
                String url = ref.get("url").asText();
                assertTrue(url.startsWith("s3://arcnode-artifacts/edp/" + DEPLOYMENT + "/"), url);
                keys.add(url.substring("s3://arcnode-artifacts/".length()));
            }

            JsonNode result = awaitJob(port, statusUrl, log, p);
            assertEquals("complete", result.get("status").asText(), result.toString());
            assertTrue(result.get("error").isNull(), result.toString());
            assertEquals(refs, result.get("edp_artifact_urls"));
            String metrics = Products.get(port, "/metrics").body();
            assertTrue(metrics.contains("arcnode_edp_jobs_total{status=\"complete\"} 1"), metrics);
            assertTrue(metrics.contains("arcnode_edp_jobs_running 0"), metrics);

            for (String key : keys) {
                HttpResponse<byte[]> a = getBytes(port, "/artifacts/" + key);
                assertEquals(200, a.statusCode(), key);
                assertTrue(a.body().length > 0, key);
                served.add(a.body());
            }
            HttpResponse<byte[]> dtm = getBytes(port, "/artifacts/edp/" + DEPLOYMENT + "/dtm.json");
            assertEquals("application/json", dtm.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertEquals(DEPLOYMENT, JSON.readTree(dtm.body()).get("deployment_uuid").asText());

            // bad input: every field and rule named, nothing accepted
            HttpResponse<String> bad = post(port, "/edp-api/jobs",
                    payload("commercial", "none", 2.0, "standard", 0));
            assertEquals(422, bad.statusCode(), bad.body());
            String detail = JSON.readTree(bad.body()).get("detail").toString();
            assertTrue(detail.contains("\"field\":\"target_gpu_count\""), detail);
            assertTrue(detail.contains("\"rule\":\"bess_consistency\""), detail);
            HttpResponse<String> dod = post(port, "/edp-api/jobs",
                    payload("defense_forward", "dc_integrated_pcs", 2.0, "none", 56));
            assertEquals(422, dod.statusCode(), dod.body());
            assertTrue(dod.body().contains("dod_excludes_dc_integrated_pcs"), dod.body());
            assertTrue(dod.body().contains("CATL exclusion"), dod.body());
            HttpResponse<String> malformed = post(port, "/edp-api/jobs", "{\"deployment_id\": ");
            assertEquals(422, malformed.statusCode(), malformed.body());
            assertTrue(malformed.body().contains("\"rule\":\"json\""), malformed.body());

            assertEquals(404, Products.get(port, "/edp-api/jobs/" + UUID.randomUUID()).statusCode());
            assertEquals(404, Products.get(port, "/edp-api/jobs/not-a-job").statusCode());
            assertEquals(404, getBytes(port, "/artifacts/edp/" + DEPLOYMENT + "/nothing.json").statusCode());

            // traversal, encoded or not, never reaches the file system
            for (String evil : List.of("/artifacts/edp/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                    "/artifacts/..%2F..%2F..%2Fetc%2Fpasswd", "/artifacts/.hidden", "/artifacts/edp//x",
                    "/artifacts/edp/%5c..%5cx")) {
                HttpResponse<byte[]> r = getBytes(port, evil);
                assertTrue(r.statusCode() == 400 || r.statusCode() == 404, evil + " -> " + r.statusCode());
                assertFalse(new String(r.body()).contains("root:"), evil);
            }
            assertEquals(400, getBytes(port, "/artifacts/edp/%2e%2e/%2e%2e/etc/passwd").statusCode());
        } finally {
            Products.stop(p);
        }

        // the job record survives a restart of the platform
        Path log2 = dir.resolve("console-2.log");
        Process again = startPlatform(data, log2, port, Map.of());
        try {
            HttpResponse<String> r = Products.get(port, statusUrl);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("complete", JSON.readTree(r.body()).get("status").asText());
        } finally {
            Products.stop(again);
        }

        // the offline CLI of the product writes the same bytes as the platform's job
        Path payloadFile = Files.writeString(dir.resolve("payload.json"), VALID);
        Path out = dir.resolve("pkg");
        Path cliLog = dir.resolve("cli.log");
        Process cli = new ProcessBuilder(Products.productDir("platform").resolve("bin/arcnode").toString(), "edp",
                "generate", payloadFile.toString(), "--out", out.toString()).redirectErrorStream(true)
                .redirectOutput(cliLog.toFile()).start();
        assertTrue(cli.waitFor(120, TimeUnit.SECONDS), "CLI did not finish");
        String cliOut = Files.readString(cliLog);
        assertEquals(0, cli.exitValue(), cliOut);
        assertEquals(keys.size(), cliOut.lines().filter(l -> l.startsWith("[")).count(), cliOut);
        for (int i = 0; i < keys.size(); i++) {
            String name = keys.get(i).substring(keys.get(i).lastIndexOf('/') + 1);
            assertArrayEquals(served.get(i), Files.readAllBytes(out.resolve(name)), name);
        }
    }

    @Test
    void aBrokenHardwareMapStopsStartupNamingFileAndProfile(@TempDir Path dir) throws Exception {
        String map = Files.readString(Products.repo().resolve(
                "edp-bundles/io.arcnode.edp.hardware/src/main/resources/map/hardware_selector_map.yaml"));
        String broken = map.replace("plate_nw.dxf", "plate_nw_missing.dxf");
        assertFalse(broken.equals(map), "test setup: nothing replaced");
        Path file = Files.writeString(dir.resolve("hardware_selector_map.yaml"), broken);
        int port = Products.freePort();
        Path log = dir.resolve("console.log");
        Process p = Products.start("platform", dir.resolve("data"), log,
                Map.of("ARCNODE_HARDWARE_MAP", file.toString()), "--env", "demo", "--port", String.valueOf(port));
        try {
            Products.await("platform to stop on a broken hardware map", Duration.ofSeconds(90), log, null,
                    () -> !p.isAlive());
            String console = Files.readString(log);
            assertEquals(78, p.exitValue(), console);
            String line = console.lines().filter(l -> l.startsWith("ArcNode: configuration error: ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no error line:\n" + console));
            assertTrue(line.contains(file.toString()), line);
            assertTrue(line.contains("profile 'commercial_no_bess'"), line);
            assertTrue(line.contains("plate_nw_missing.dxf") && line.contains("not found"), line);
        } finally {
            Products.stop(p);
        }
    }
}
