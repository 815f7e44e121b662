package io.arcnode.s3.itest;

import static io.arcnode.s3.itest.StoreAssertions.assertEveryCallFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.arcnode.edp.pipeline.api.ArtifactStore;
import io.arcnode.edp.pipeline.api.IllegalArtifactKeyException;
import io.arcnode.edp.pipeline.api.S3Settings;
import io.arcnode.edp.pipeline.internal.S3ArtifactStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * {@link ArtifactStore#s3(S3Settings)} against a real S3 server (S3Mock on 127.0.0.1, ephemeral port): the SDK, its
 * URLConnection HTTP client and the error mapping, end to end. A guard {@link Timeout} only stops a hang; failures
 * against a closed port are immediate (connection refused).
 */
@Timeout(120)
class S3ArtifactStoreTest {

    private static final String DEPLOYMENT = "edp/1f0c8b3e-5d2a-4c7e-9a61-3b2f4e5d6c7a/";

    @TempDir
    static Path root;

    private static S3Mock server;
    private static ArtifactStore store;

    @BeforeAll
    static void start() {
        server = S3Mock.start(root);
        store = ArtifactStore.s3(settings(server.endpoint()));
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static S3Settings settings(String endpoint) {
        return S3Settings.forEndpoint(endpoint).withCredentials(S3Mock.ACCESS_KEY_ID, S3Mock.SECRET_ACCESS_KEY);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Every byte value, then deterministic noise: 1 MiB. */
    private static byte[] binary() {
        byte[] b = new byte[1 << 20];
        new Random(42).nextBytes(b);
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    /** A local port with nothing listening: bound, then closed. */
    private static int closedPort() throws IOException {
        try (ServerSocketChannel ch = ServerSocketChannel.open()) {
            ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return ((InetSocketAddress) ch.getLocalAddress()).getPort();
        }
    }

    @Test
    void roundTripOfSeveralKeysIncludingBinaryAndEmpty() throws Exception {
        Map<String, byte[]> objects = new LinkedHashMap<>();
        objects.put(DEPLOYMENT + "bom.json", utf8("{\"items\":[{\"part\":\"CDU-1\",\"qty\":2,\"name\":\"Kühler\"}]}"));
        objects.put(DEPLOYMENT + "compute_container.glb", binary());
        objects.put(DEPLOYMENT + "plate_cg.step", utf8("ISO-10303-21;\nHEADER;\nENDSEC;\nEND-ISO-10303-21;\n"));
        objects.put(DEPLOYMENT + "sld.pdf", new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '7', 0, (byte) 0xff});
        objects.put("catalogue/compute/empty.dxf", new byte[0]);
        for (var e : objects.entrySet()) {
            store.put(e.getKey(), e.getValue());
        }
        for (var e : objects.entrySet()) {
            assertTrue(store.exists(e.getKey()), e.getKey());
            Optional<byte[]> read = store.get(e.getKey());
            assertTrue(read.isPresent(), e.getKey());
            assertArrayEquals(e.getValue(), read.get(), e.getKey());
        }
        assertEquals("s3://arcnode-artifacts/" + DEPLOYMENT + "bom.json", store.url(DEPLOYMENT + "bom.json"));
        assertEquals(DEPLOYMENT + "bom.json", ArtifactStore.keyOf(store.url(DEPLOYMENT + "bom.json")));
    }

    @Test
    void putReplacesAndCopiesTheBytes() throws Exception {
        String key = DEPLOYMENT + "dtm.json";
        byte[] first = utf8("{\"v\":1}");
        store.put(key, first);
        first[6] = '9'; // changing the array after put does not change the object
        assertArrayEquals(utf8("{\"v\":1}"), store.get(key).orElseThrow());
        store.put(key, utf8("{\"v\":2,\"longer\":true}"));
        assertArrayEquals(utf8("{\"v\":2,\"longer\":true}"), store.get(key).orElseThrow());
    }

    @Test
    void missingObjectIsEmptyAndDoesNotExist() throws Exception {
        assertEquals(Optional.empty(), store.get(DEPLOYMENT + "never_written.json"));
        assertFalse(store.exists(DEPLOYMENT + "never_written.json"));
        assertFalse(store.exists("edp"), "a prefix is not an object");
    }

    @Test
    void everyObjectGetsTheContentTypeOfItsExtension() throws Exception {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("bom.json", "application/json");
        types.put("bom.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        types.put("sld.pdf", "application/pdf");
        types.put("sld.dxf", "image/vnd.dxf");
        types.put("plate_cl.step", "model/step");
        types.put("grid_container.glb", "model/gltf-binary");
        types.put("hardware_selector_map.yaml", "application/yaml");
        types.put("notes.bin", "application/octet-stream");
        try (S3Client raw = rawClient()) {
            for (var e : types.entrySet()) {
                String key = DEPLOYMENT + "types/" + e.getKey();
                byte[] bytes = utf8(e.getKey());
                store.put(key, bytes);
                HeadObjectResponse head = raw.headObject(b -> b.bucket(ArtifactStore.BUCKET).key(key));
                assertEquals(e.getValue(), head.contentType(), key);
                assertEquals(bytes.length, head.contentLength(), key);
            }
        }
    }

    /** The test's own SDK client, to look at what the store wrote. */
    private static S3Client rawClient() {
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Mock.ACCESS_KEY_ID, S3Mock.SECRET_ACCESS_KEY)))
                .build();
    }

    @Test
    void refusedKeysNeverReachTheServer() throws IOException {
        // a listener that is never accepted from: a request would leave a pending connection behind
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            listener.configureBlocking(false);
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            List<String> refused = new ArrayList<>(List.of("../etc/passwd", "edp/../../secret.json", "/edp/a.json",
                    "edp//a.json", "edp/.hidden", "edp\\a.json", "edp/a b.json", "edp/x:y.json", "edp/ä.json", ""));
            refused.add(null);
            try (ArtifactStore probe = ArtifactStore.s3(settings("http://127.0.0.1:" + port))) {
                for (String key : refused) {
                    List<Executable> calls = List.of(() -> probe.put(key, utf8("x")), () -> probe.get(key),
                            () -> probe.exists(key), () -> probe.url(key));
                    for (Executable call : calls) {
                        IllegalArtifactKeyException e = assertThrows(IllegalArtifactKeyException.class,
                                call, String.valueOf(key));
                        assertEquals(key, e.key());
                    }
                }
            }
            assertNull(listener.accept(), "a refused key opened a connection to the server");
        }
        // and against the real server nothing was written next to or above the bucket's keys
        assertEquals(Optional.empty(), store.get("etc/passwd"));
        assertEquals(Optional.empty(), store.get("secret.json"));
    }

    @Test
    void missingBucketFailsNamingTheKeyAndTheBucket() {
        try (ArtifactStore other = ArtifactStore.s3(settings(server.endpoint()).withBucket("no-such-bucket"))) {
            assertEveryCallFails(other, DEPLOYMENT + "bom.json",
                    "bucket 'no-such-bucket' does not exist at " + server.endpoint());
            assertEquals("s3://no-such-bucket/" + DEPLOYMENT + "bom.json", other.url(DEPLOYMENT + "bom.json"));
        }
    }

    @Test
    void closedPortFailsEveryCallNamingTheKey() throws IOException {
        String endpoint = "http://127.0.0.1:" + closedPort();
        try (ArtifactStore down = ArtifactStore.s3(settings(endpoint))) {
            assertEveryCallFails(down, DEPLOYMENT + "sld.dxf", "connection refused by " + endpoint);
        }
    }

    @Test
    void withoutARegionAnEndpointStoreSignsForUsEast1() throws Exception {
        // the AWS default region chain is kept off this machine's files and instance metadata (see the POM)
        assumeTrue(System.getenv("AWS_REGION") == null
                && System.getenv("AWS_DEFAULT_REGION") == null, "AWS_REGION is set in this environment");
        try (ArtifactStore noRegion = ArtifactStore.s3(settings(server.endpoint()))) {
            assertEquals(S3ArtifactStore.FALLBACK_REGION, ((S3ArtifactStore) noRegion).region());
            noRegion.put(DEPLOYMENT + "region.json", utf8("{}"));
            assertTrue(noRegion.exists(DEPLOYMENT + "region.json"));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArtifactStore.s3(S3Settings.forEndpoint(null)));
        assertTrue(e.getMessage().contains("no region given"), e.getMessage());
        try (ArtifactStore aws = ArtifactStore.s3(S3Settings.forEndpoint(null).withRegion("eu-central-1"))) {
            assertEquals("S3ArtifactStore[AWS S3 (eu-central-1), bucket arcnode-artifacts]", aws.toString());
        }
    }

    @Test
    void concurrentWritersAndReaders() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String key = DEPLOYMENT + "parallel/obj_" + i + ".json";
                byte[] bytes = utf8("{\"i\":" + i + "}");
                done.add(pool.submit(() -> {
                    store.put(key, bytes);
                    assertArrayEquals(bytes, store.get(key).orElseThrow());
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClosedStoreRefusesCalls() throws IOException {
        ArtifactStore closing = ArtifactStore.s3(settings(server.endpoint()));
        closing.close();
        closing.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> closing.get(DEPLOYMENT + "bom.json"));
    }
}
