package io.arcnode.s3.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcnode.edp.pipeline.api.ArtifactStore;
import io.arcnode.edp.pipeline.api.S3Settings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built platform product with its artifact store on S3 (S3Mock on loopback): on first start in {@code demo} it
 * seeds the assemblies catalogue into the bucket, validates the hardware map against it, a job writes every artifact
 * into the bucket (the bytes the platform serves over HTTP), and once S3 is gone a job fails naming the first key it
 * could not write.
 */
class PlatformOnS3E2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    private static String payload(String deploymentId) {
        return "{\"deployment_id\":\"" + deploymentId + "\",\"operator_org\":\"Northwind Power\","
                + "\"deployment_site_name\":\"Site Beta\",\"contact_email\":\"ops@example.com\","
                + "\"energy_source\":\"nuclear\",\"source_capacity_mw\":30.0,\"primary_workload\":\"ai_inference\","
                + "\"gpu_variant\":\"b200\",\"target_gpu_count\":300,\"bess_coupling\":\"ac_coupled\","
                + "\"bess_capacity_mwh\":4.0,\"grid_connection\":\"grid_backup\",\"climate_zone\":\"subarctic\","
                + "\"deployment_context\":\"sovereign_government\",\"aws_partition\":\"govcloud\"}";
    }

    private static Path productDir() {
        Path repo = Path.of(System.getProperty("arcnode.repo", "../..")).toAbsolutePath().normalize();
        return repo.resolve("products/io.arcnode.products/target/products/io.arcnode.platform/linux/gtk/x86_64/"
                + "arcnode-platform");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(int port, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
    }

    private static int status(int port, String path) {
        try {
            return get(port, path).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    private static JsonNode post(int port, String body) throws Exception {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/edp-api/jobs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(202, r.statusCode(), new String(r.body()));
        return JSON.readTree(r.body());
    }

    private static JsonNode awaitFinished(int port, String statusUrl, Process p, Path log) throws Exception {
        Awaitility.await("job " + statusUrl).atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertTrue(p.isAlive(), () -> "platform exited:\n" + read(log));
            return !JSON.readTree(get(port, statusUrl).body()).get("status").asText().equals("running");
        });
        return JSON.readTree(get(port, statusUrl).body());
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void jobsWriteIntoTheBucketAndFailNamingTheKeyWhenS3IsGone(@TempDir Path dir) throws Exception {
        assertTrue(Files.isDirectory(productDir().resolve("plugins")), "built platform missing: " + productDir());
        S3Mock s3 = S3Mock.start(dir.resolve("s3"));
        Process p = null;
        Path log = dir.resolve("console.log");
        try (ArtifactStore bucket = ArtifactStore.s3(S3Settings.forEndpoint(s3.endpoint())
                .withCredentials(S3Mock.ACCESS_KEY_ID, S3Mock.SECRET_ACCESS_KEY))) {
            Path customer = Files.writeString(dir.resolve("cfg.customer.yml"), "artifact_store:\n"
                    + "  local_path: null\n  s3_endpoint_url: \"" + s3.endpoint() + "\"\n");
            Path secrets = Files.writeString(dir.resolve("secrets.env"), "AWS_ACCESS_KEY_ID=" + S3Mock.ACCESS_KEY_ID
                    + "\nAWS_SECRET_ACCESS_KEY=" + S3Mock.SECRET_ACCESS_KEY + "\n");
            int port = freePort();
            ProcessBuilder pb = new ProcessBuilder(productDir().resolve("bin/arcnode").toString(), "platform",
                    "--env", "demo", "--port", String.valueOf(port), "--data", dir.resolve("data").toString(),
                    "--customer", customer.toString(), "--secrets", secrets.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().remove("ENV");
            pb.environment().remove("CFG_CUSTOMER_PATH");
            pb.environment().remove("AWS_REGION");
            pb.environment().put("JAVA_OPTS", "-Daws.disableEc2Metadata=true -Darcnode.log.level=INFO");
            p = pb.start();
            Process platform = p;
            Awaitility.await("platform ready").atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
                assertTrue(platform.isAlive(), () -> "platform exited:\n" + read(log));
                return status(port, "/health/ready") == 200;
            });
            // ready can come before the lazily started EDP bundle has seeded the store and registered its servlets;
            // its health component is registered last
            Awaitility.await("edp_jobs in /health").atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
                assertTrue(platform.isAlive(), () -> "platform exited:\n" + read(log));
                return new String(get(port, "/health").body()).contains("\"component\":\"edp_jobs\"");
            });
            assertTrue(bucket.exists("assemblies/compute_container/compute_container.step"), "catalogue seeded");
            assertTrue(read(log).contains("s3 " + s3.endpoint()), read(log));

            String id = "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";
            JsonNode created = post(port, payload(id));
            JsonNode done = awaitFinished(port, created.get("status_url").asText(), p, log);
            assertEquals("complete", done.get("status").asText(), done.toString());
            JsonNode refs = created.get("edp_artifact_urls");
            assertEquals(26, refs.size(), "ac_coupled with grid container: plates CL NW CG: " + refs);
            for (JsonNode ref : refs) {
                String key = ref.get("url").asText().substring(ArtifactStore.URL_PREFIX.length());
                byte[] inBucket = bucket.get(key).orElseThrow(() -> new AssertionError(key + " not in the bucket"));
                HttpResponse<byte[]> served = get(port, "/artifacts/" + key);
                assertEquals(200, served.statusCode(), key);
                assertArrayEquals(inBucket, served.body(), key);
            }

            s3.close(); // the store is down: the next job fails on its first write, naming the key
            String other = "4e3d2c1b-0a9f-4e8d-9c7b-6a5f4e3d2c1b";
            JsonNode failed = awaitFinished(port, post(port, payload(other)).get("status_url").asText(), p, log);
            assertEquals("failed", failed.get("status").asText(), failed.toString());
            String error = failed.get("error").asText();
            assertTrue(error.contains("'edp/" + other + "/bom.json'"), error);
            assertTrue(error.contains("connection refused"), error);
            assertEquals(List.of(200), List.of(status(port, "/health/live")), "a down store is not a crash");
        } finally {
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            s3.close();
        }
    }
}
